package dev.weft;

/**
 * What {@link Weft#openConnection} gives: Python's {@code (reader, writer)} pair.
 */
public final class Connection {
    private final StreamReader reader;
    private final StreamWriter writer;

    Connection(StreamReader reader, StreamWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /**
     * The connection's reader.
     *
     * @return the reader
     */
    public StreamReader reader() {
        return reader;
    }

    /**
     * The connection's writer.
     *
     * @return the writer
     */
    public StreamWriter writer() {
        return writer;
    }
}
