package dev.weft;

/**
 * asyncio's {@code _set_write_buffer_limits}, shared by every transport that buffers writes:
 * {@code -1} (Python's {@code None}) for {@code high} is four times {@code low}, or the transport's
 * default when both are -1; {@code -1} for {@code low} is a quarter of {@code high}; any other
 * negative value is refused, as Python refuses it.
 */
final class WriteBufferLimits {
    private WriteBufferLimits() {
    }

    /**
     * The limits {@code setWriteBufferLimits(high, low)} asks for, defaults filled in.
     *
     * @return {@code {high, low}}
     * @throws IllegalArgumentException unless {@code high >= low >= 0} once filled in
     */
    static int[] of(int high, int low, int defaultHigh) {
        if (high == -1) {
            high = low == -1 ? defaultHigh : 4 * low;
        }
        if (low == -1) {
            low = high / 4;
        }
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        return new int[] {high, low};
    }
}
