package dev.phonehome.traffic.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records every callback: the streams as text with gaps as {@code [gap N]}, and the events. */
public final class RecordingListener implements TcpStreamListener, DatagramListener {
    public final List<Connection> opened = new ArrayList<>();
    public final List<Connection> closed = new ArrayList<>();
    public final List<Datagram> datagrams = new ArrayList<>();
    private final Map<Long, ByteArrayOutputStream> toServer = new LinkedHashMap<>();
    private final Map<Long, ByteArrayOutputStream> toClient = new LinkedHashMap<>();
    public long dataCalls;

    @Override
    public void onOpen(Connection c) {
        opened.add(c);
    }

    @Override
    public void onData(Connection c, Direction d, long timestampNanos, ByteBuffer data) {
        dataCalls++;
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        stream(c.id(), d).writeBytes(b);
    }

    @Override
    public void onGap(Connection c, Direction d, long missingBytes) {
        stream(c.id(), d).writeBytes(("[gap " + missingBytes + "]").getBytes());
    }

    @Override
    public void onClose(Connection c) {
        closed.add(c);
    }

    @Override
    public void onDatagram(Datagram datagram) {
        byte[] copy = new byte[datagram.payload().remaining()];
        datagram.payload().duplicate().get(copy);
        datagrams.add(new Datagram(datagram.timestampNanos(), datagram.source(), datagram.destination(),
                ByteBuffer.wrap(copy), datagram.uid()));
    }

    public byte[] bytes(long id, Direction d) {
        return stream(id, d).toByteArray();
    }

    public String text(long id, Direction d) {
        return stream(id, d).toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private ByteArrayOutputStream stream(long id, Direction d) {
        return (d == Direction.CLIENT_TO_SERVER ? toServer : toClient).computeIfAbsent(id, k -> new ByteArrayOutputStream());
    }
}
