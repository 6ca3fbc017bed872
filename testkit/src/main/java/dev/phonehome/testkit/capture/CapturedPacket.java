package dev.phonehome.testkit.capture;

/**
 * An IPv4 packet as the capture records it.
 *
 * @param micros time since the epoch in microseconds (pcapng's default resolution)
 * @param uid    Android UID of the app that owns the packet's connection
 * @param ip     the IPv4 packet (LINKTYPE_RAW)
 */
record CapturedPacket(long micros, int uid, byte[] ip) {
}
