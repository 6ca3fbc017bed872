package dev.phonehome.core.device;

import java.util.List;
import java.util.Map;

/** A value of a {@code device.yaml} key: the only shapes a profile has (no deeper nesting). */
sealed interface YamlNode {
    /** The line the value starts on, from 1. */
    int line();

    /** A scalar as written; {@code kind} says how YAML typed it. */
    record Scalar(String text, ScalarKind kind, int line) implements YamlNode {
    }

    /** A sequence of scalars. */
    record Items(List<Scalar> items, int line) implements YamlNode {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A mapping of names to scalars, in document order. */
    record Fields(Map<String, Scalar> fields, int line) implements YamlNode {
    }

    enum ScalarKind {
        TEXT, NUMBER, BOOLEAN, NULL
    }
}
