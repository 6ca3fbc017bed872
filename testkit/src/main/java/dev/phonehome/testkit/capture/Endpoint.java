package dev.phonehome.testkit.capture;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address and port of a generated packet.
 *
 * @param address dotted quad; only literals are accepted, so no name is ever looked up
 * @param port    0–65535
 */
public record Endpoint(String address, int port) {
    public Endpoint {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IPv4 literal: " + address);
        }
    }

    byte[] addressBytes() {
        return inet().getAddress();
    }

    Inet4Address inet() {
        try {
            return (Inet4Address) InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 literal: " + address, e);
        }
    }

    @Override
    public String toString() {
        return address + ":" + port;
    }
}
