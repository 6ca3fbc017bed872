package dev.phonehome.traffic.adapter;

/**
 * One string a regex matches, for the small regex dialect endpoint patterns use: literals and
 * escapes, {@code .}, {@code \d}, classes, groups with alternatives, and the quantifiers {@code ? * +
 * {n} {n,m}}. The smallest non-zero repetition is taken, and of alternatives the first one found
 * in {@code preferred} (so an example of {@code adjust\.(com|world)} can end in {@code adjust.world}),
 * else the first.
 */
final class RegexExamples {
    private final String re;
    private final String preferred;
    private int at;

    private RegexExamples(String re, String preferred) {
        this.re = re;
        this.preferred = preferred;
    }

    static String of(String regex) {
        return of(regex, "");
    }

    static String of(String regex, String preferred) {
        RegexExamples r = new RegexExamples(regex, preferred);
        String example = r.alternatives();
        if (r.at != regex.length()) {
            throw new IllegalArgumentException("unbalanced ) in " + regex);
        }
        return example;
    }

    private String alternatives() {
        String chosen = sequence();
        boolean found = preferred.contains(chosen);
        while (at < re.length() && re.charAt(at) == '|') {
            at++;
            String alternative = sequence();
            if (!found && preferred.contains(alternative)) {
                chosen = alternative;
                found = true;
            }
        }
        return chosen;
    }

    private String sequence() {
        StringBuilder out = new StringBuilder();
        while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
            String atom = atom();
            out.append(atom.repeat(repetitions()));
        }
        return out.toString();
    }

    private String atom() {
        char c = re.charAt(at++);
        switch (c) {
            case '^', '$' -> {
                return "";
            }
            case '.' -> {
                return "a";
            }
            case '\\' -> {
                char e = re.charAt(at++);
                return e == 'd' ? "1" : e == 'w' ? "a" : String.valueOf(e);
            }
            case '[' -> {
                char first = re.charAt(at);
                at = re.indexOf(']', at + 1) + 1;
                return String.valueOf(first);
            }
            case '(' -> {
                if (re.startsWith("?:", at)) {
                    at += 2;
                }
                String inner = alternatives();
                at++; // ')'
                return inner;
            }
            default -> {
                return String.valueOf(c);
            }
        }
    }

    private int repetitions() {
        if (at >= re.length()) {
            return 1;
        }
        char q = re.charAt(at);
        if (q == '?' || q == '*' || q == '+') {
            at++;
            return 1;
        }
        if (q == '{') {
            int close = re.indexOf('}', at);
            String[] bounds = re.substring(at + 1, close).split(",");
            at = close + 1;
            return Math.max(1, Integer.parseInt(bounds[0]));
        }
        return 1;
    }
}
