package dev.weft;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A protocol that records what its transport tells it, in order (CPython's test {@code MyProto}). */
class RecordingProtocol implements Protocol {
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    Transport transport;
    Throwable lostWith;
    boolean keepOpenOnEof;
    boolean lost;

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        events.add("made");
    }

    @Override
    public void dataReceived(byte[] data) {
        received.writeBytes(data);
        if (events.isEmpty() || !events.get(events.size() - 1).equals("data")) {
            events.add("data");
        }
    }

    @Override
    public boolean eofReceived() {
        events.add("eof");
        return keepOpenOnEof;
    }

    @Override
    public void connectionLost(Throwable exc) {
        lostWith = exc;
        lost = true;
        events.add("lost");
    }

    @Override
    public void pauseWriting() {
        events.add("pause");
    }

    @Override
    public void resumeWriting() {
        events.add("resume");
    }

    String text() {
        return received.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
