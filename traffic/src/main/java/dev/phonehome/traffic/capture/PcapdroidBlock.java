package dev.phonehome.traffic.capture;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.Optional;

/**
 * PCAPdroid's pcapng custom block (Private Enterprise Number 62652). After the PEN:
 * {@code version u16, type u8, reserved u8}; type 1 (UID mapping) continues with
 * {@code uid s32, package name length u8, app name length u8, package name, app name}, in the
 * section's byte order.
 */
final class PcapdroidBlock {
    static final long PEN = 62652;
    static final int SUPPORTED_VERSION = 1;
    static final int TYPE_UID_MAPPING = 1;

    record UidMapping(int uid, String packageName, String appName) {
    }

    private PcapdroidBlock() {
    }

    /** The UID mapping in {@code body} (positioned after the PEN), empty for other or newer blocks. */
    static Optional<UidMapping> parseUidMapping(ByteCursor body) throws FormatException {
        int version = body.u16();
        int type = body.u8();
        body.skip(1);
        if (version != SUPPORTED_VERSION || type != TYPE_UID_MAPPING) {
            return Optional.empty();
        }
        int uid = body.s32();
        int packageLength = body.u8();
        int appLength = body.u8();
        String packageName = body.utf8(packageLength);
        String appName = body.utf8(appLength);
        return Optional.of(new UidMapping(uid, packageName, appName));
    }
}
