package com.phonehome.sample.adfilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hides advertisements whose title or body contains a term of the keyword list. The list is
 * bundled as an asset and refreshed from the ad server's configuration endpoint.
 */
public class AdTitleFilter {
    static final String LIST_ASSET = "ad_blacklist.txt";
    static final String CONFIG_URL = "https://api.ad.xiaomi.com/config/MiAdBlacklistConfig";
    private final List<String> terms = new ArrayList<>();

    public AdTitleFilter(android.content.Context context) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                context.getAssets().open(LIST_ASSET), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                terms.add(line.trim());
            }
        }
    }

    public boolean shouldHide(String adTitle, String adBody) {
        for (String t : terms) {
            if (adTitle.contains(t) || adBody.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
