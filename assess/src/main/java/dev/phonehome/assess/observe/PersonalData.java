package dev.phonehome.assess.observe;

import java.util.Comparator;

/**
 * Personal data recognised in a request.
 *
 * @param type a data type, e.g. {@code imei}, {@code android_id}, {@code location}
 * @param form how it was sent: {@code plain}, {@code md5}, {@code sha256}, {@code base64}...
 * @param path where in the payload
 */
public record PersonalData(String type, String form, String path) implements Comparable<PersonalData> {
    private static final Comparator<PersonalData> ORDER = Comparator.comparing(PersonalData::type)
            .thenComparing(PersonalData::path).thenComparing(PersonalData::form);

    @Override
    public int compareTo(PersonalData o) {
        return ORDER.compare(this, o);
    }
}
