/*
 * The load client of Weft's echo-server benchmark (benchmarks/echo/run; see ../README.md).
 *
 *   echo_client --port P [--connections 100] [--size 1024] [--warmup 5] [--seconds 10]
 *               [--server-pid PID] [--tls store.p12] [--label name]
 *
 * N connections to 127.0.0.1 on one thread (epoll, non-blocking sockets): each sends a message of
 * S bytes and waits for all S bytes back before sending the next (closed loop). Every echoed byte
 * is checked against the one sent; a wrong byte, an extra byte, a closed connection or a TLS error
 * ends the run with a message and exit status 1. After the warm-up it measures a window and prints
 * the lines of the Java client (dev.weft.benchmarks.echo.EchoClient), the last one
 * "RESULT key=value ..." for the run script.
 *
 * It is written in C so that it costs much less CPU per round trip than any server it drives: the
 * table then measures the servers, not the client.
 *
 * Build: cc -O2 -std=c11 -o echo_client echo_client.c -lssl -lcrypto -lm
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

/* The key store's password, as the run script makes it (EchoTls.PASSWORD). */
#define STORE_PASSWORD "echo-bench"
/* The message pattern's period: a prime, so that windows starting at different offsets differ. */
#define PERIOD 251
/* Bytes read at once (the Java client's scratch buffer). */
#define SCRATCH (256 * 1024)
/* Longest a run waits for the server to listen. */
#define CONNECT_WAIT_NS 30000000000LL

/* ---- errors ---------------------------------------------------------------------------------- */

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("echo_client: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    ERR_print_errors_fp(stderr);
    exit(1);
}

/* ---- time and CPU ---------------------------------------------------------------------------- */

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int64_t self_cpu_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* utime + stime of /proc/PID/stat (all threads), in clock ticks of 10 ms (USER_HZ is 100). */
static int64_t proc_cpu_ns(long pid) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) die("cannot read %s: %s (did the server exit?)", path, strerror(errno));
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    /* the command name (field 2) may hold spaces and parentheses: count fields after the last ')' */
    char *p = strrchr(buf, ')');
    if (!p) die("cannot parse %s", path);
    p += 2;
    long long utime = 0, stime = 0;
    for (int field = 3; field <= 15 && *p; field++) {
        if (field == 14) utime = strtoll(p, NULL, 10);
        if (field == 15) stime = strtoll(p, NULL, 10);
        p = strchr(p, ' ');
        if (!p) break;
        p++;
    }
    return (utime + stime) * 10000000LL;
}

/* ---- latency histogram ------------------------------------------------------------------------ */

/*
 * Log-linear buckets of nanoseconds, 1024 to 2047 a power of two: every value within 0.1 % (the
 * Java client's HdrHistogram with 3 significant digits), from 0 to 2^37 ns (137 s).
 */
#define SUB_BITS 10
#define SUB (1 << SUB_BITS)
#define MAX_SHIFT 27
#define BUCKETS ((MAX_SHIFT + 2) * SUB)

static uint64_t histogram[BUCKETS];
static uint64_t histogram_count;
static int64_t histogram_max;

static int bucket_of(int64_t v) {
    if (v < 2 * SUB) return (int) v;
    int shift = 63 - __builtin_clzll((uint64_t) v) - SUB_BITS;
    if (shift > MAX_SHIFT) shift = MAX_SHIFT, v = ((int64_t) 2 * SUB - 1) << MAX_SHIFT;
    return (shift + 1) * SUB + (int) ((v >> shift) - SUB);
}

/* The highest value that falls in bucket i. */
static int64_t bucket_top(int i) {
    if (i < 2 * SUB) return i;
    int shift = i / SUB - 1;
    int64_t low = (int64_t) (i % SUB + SUB) << shift;
    return low + ((int64_t) 1 << shift) - 1;
}

static void record(int64_t v) {
    if (v < 0) v = 0;
    histogram[bucket_of(v)]++;
    histogram_count++;
    if (v > histogram_max) histogram_max = v;
}

/* The value at that percentile, in microseconds (as HdrHistogram: the top of its bucket). */
static double percentile_us(double p) {
    if (histogram_count == 0) return 0;
    uint64_t want = (uint64_t) ceil(p / 100.0 * (double) histogram_count);
    if (want < 1) want = 1;
    uint64_t seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
        seen += histogram[i];
        if (seen >= want) {
            int64_t top = bucket_top(i);
            return (top > histogram_max ? histogram_max : top) / 1e3;
        }
    }
    return histogram_max / 1e3;
}

/* ---- options --------------------------------------------------------------------------------- */

static struct {
    int port, connections, size;
    double warmup, seconds;
    long server_pid;
    const char *tls, *label;
} o = {-1, 100, 1024, 5, 10, -1, NULL, "server"};

static void parse(int argc, char **argv) {
    for (int i = 1; i < argc; i += 2) {
        if (i + 1 >= argc) die("no value after %s", argv[i]);
        const char *k = argv[i], *v = argv[i + 1];
        if (!strcmp(k, "--port")) o.port = atoi(v);
        else if (!strcmp(k, "--connections")) o.connections = atoi(v);
        else if (!strcmp(k, "--size")) o.size = atoi(v);
        else if (!strcmp(k, "--warmup")) o.warmup = atof(v);
        else if (!strcmp(k, "--seconds")) o.seconds = atof(v);
        else if (!strcmp(k, "--server-pid")) o.server_pid = atol(v);
        else if (!strcmp(k, "--tls")) o.tls = v;
        else if (!strcmp(k, "--label")) o.label = v;
        else die("unknown option %s (--idle is the Java client's: benchmarks/echo/run --idle)", k);
    }
    if (o.port <= 0 || o.connections <= 0 || o.size <= 0 || o.seconds <= 0 || o.warmup < 0)
        die("need --port, and positive --connections, --size, --seconds");
}

/* ---- TLS --------------------------------------------------------------------------------------- */

/*
 * As the Java client (EchoTls.clientContext): trust only the key store's certificate, no host name
 * check. Offers TLS 1.3 with the JDK 25 client's cipher suites in its order, so each server picks
 * the suite it picked for the Java client.
 */
static SSL_CTX *tls_context(const char *p12) {
    FILE *f = fopen(p12, "rb");
    if (!f) die("cannot open %s: %s", p12, strerror(errno));
    PKCS12 *store = d2i_PKCS12_fp(f, NULL);
    fclose(f);
    if (!store) die("%s is not a PKCS12 key store", p12);
    EVP_PKEY *key = NULL;
    X509 *cert = NULL;
    if (!PKCS12_parse(store, STORE_PASSWORD, &key, &cert, NULL) || !cert)
        die("cannot read the certificate of %s (password %s)", p12, STORE_PASSWORD);
    PKCS12_free(store);
    EVP_PKEY_free(key);

    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) die("SSL_CTX_new failed");
    if (!X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), cert)) die("cannot trust the certificate");
    X509_free(cert);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
    if (!SSL_CTX_set_ciphersuites(ctx, "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256"))
        die("cannot set the TLS 1.3 cipher suites");
    if (!SSL_CTX_set1_groups_list(ctx, "X25519:P-256:P-384:P-521:X448")) die("cannot set the key exchange groups");
    /* a record's bytes with one read(), as the Java client reads what the socket has */
    SSL_CTX_set_read_ahead(ctx, 1);
    SSL_CTX_set_default_read_buffer_len(ctx, 64 * 1024);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    return ctx;
}

/* ---- connections ------------------------------------------------------------------------------ */

typedef struct {
    int fd, id;
    SSL *ssl;
    /* the message in flight: bytes pattern[start .. start + size) */
    int start;
    int sent;      /* bytes of it the socket (or TLS) took */
    int received;  /* bytes of it echoed back and checked */
    int64_t sent_at;
    uint32_t rounds;
    uint32_t events;        /* the epoll interest set now */
    int write_wants_write;  /* the socket took less than was left */
    int write_wants_read;   /* TLS: SSL_write asked for readability */
    int read_wants_write;   /* TLS: SSL_read asked for writability */
} conn;

static unsigned char *pattern; /* size + PERIOD bytes, pattern[i] = i % PERIOD */
static unsigned char *scratch;
static conn *conns;
static int ep;
static int measuring;
static uint64_t round_trips;

static const char *tls_reason(SSL *ssl, int r) {
    switch (SSL_get_error(ssl, r)) {
        case SSL_ERROR_ZERO_RETURN: return "the server closed the TLS session";
        case SSL_ERROR_SYSCALL: return errno ? strerror(errno) : "the server closed the connection";
        case SSL_ERROR_SSL: return "TLS error";
        default: return "unexpected TLS state";
    }
}

static int connect_blocking(void) {
    int64_t deadline = now_ns() + CONNECT_WAIT_NS;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t) o.port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (;;) {
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) die("socket: %s", strerror(errno));
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(fd, (struct sockaddr *) &a, sizeof a) == 0) return fd;
        int e = errno;
        close(fd);
        if (e != ECONNREFUSED || now_ns() > deadline) die("connect to 127.0.0.1:%d: %s", o.port, strerror(e));
        struct timespec pause = {0, 50000000};
        nanosleep(&pause, NULL);
    }
}

/* Readability always; writability while a write or a TLS read waits for it. */
static void update_events(conn *c) {
    uint32_t events = EPOLLIN | (c->write_wants_write || c->read_wants_write ? EPOLLOUT : 0);
    if (c->events == events) return;
    struct epoll_event e = {.events = events, .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &e) < 0) die("epoll_ctl: %s", strerror(errno));
    c->events = events;
}

static void open_conn(conn *c, int id, SSL_CTX *tls) {
    c->id = id;
    c->fd = connect_blocking();
    if (tls) {
        /* the handshake runs blocking, before the run starts, as the Java client's */
        c->ssl = SSL_new(tls);
        if (!c->ssl || !SSL_set_fd(c->ssl, c->fd)) die("SSL_new failed");
        int r = SSL_connect(c->ssl);
        if (r != 1) die("TLS handshake of connection %d: %s", id, tls_reason(c->ssl, r));
    }
    if (fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK) < 0) die("fcntl: %s", strerror(errno));
    c->events = EPOLLIN;
    struct epoll_event e = {.events = EPOLLIN, .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &e) < 0) die("epoll_ctl: %s", strerror(errno));
}

/* Writes what is pending of the message; asks for writability while something is left. */
static void flush(conn *c) {
    c->write_wants_write = c->write_wants_read = 0;
    while (c->sent < o.size) {
        const unsigned char *from = pattern + c->start + c->sent;
        int left = o.size - c->sent;
        if (c->ssl) {
            int r = SSL_write(c->ssl, from, left);
            if (r > 0) { c->sent += r; continue; }
            int e = SSL_get_error(c->ssl, r);
            c->write_wants_read = e == SSL_ERROR_WANT_READ;
            c->write_wants_write = e == SSL_ERROR_WANT_WRITE;
            if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) die("connection %d: TLS write: %s", c->id, tls_reason(c->ssl, r));
            break;
        }
        ssize_t r = write(c->fd, from, (size_t) left);
        if (r > 0) { c->sent += (int) r; continue; }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) { c->write_wants_write = 1; break; }
        if (r < 0 && errno == EINTR) continue;
        die("connection %d: write: %s", c->id, r < 0 ? strerror(errno) : "wrote nothing");
    }
    update_events(c);
}

/* Starts a round trip: a message starting elsewhere in the pattern for each connection and round. */
static void send_message(conn *c, int64_t now) {
    c->sent_at = now;
    c->sent = 0;
    c->received = 0;
    c->start = (int) ((c->id * 31u + c->rounds++) % PERIOD);
    flush(c);
}

static void check_echo(conn *c, const unsigned char *got, int n) {
    if (c->received + n > o.size)
        die("connection %d: the server sent %d bytes for a message of %d", c->id, c->received + n, o.size);
    const unsigned char *want = pattern + c->start + c->received;
    if (memcmp(got, want, (size_t) n) != 0) {
        int i = 0;
        while (got[i] == want[i]) i++;
        die("connection %d: echoed byte %d of the message is 0x%02x, sent 0x%02x", c->id, c->received + i, got[i], want[i]);
    }
    c->received += n;
    if (c->received > c->sent)
        die("connection %d: %d bytes echoed of %d sent", c->id, c->received, c->sent);
}

static void complete_if_whole(conn *c) {
    if (c->received < o.size) return;
    int64_t now = now_ns();
    if (measuring) {
        record(now - c->sent_at);
        round_trips++;
    }
    send_message(c, now);
}

/* Reads what the socket has (one read, as the Java client: epoll is level-triggered). */
static void read_plain(conn *c) {
    ssize_t n = read(c->fd, scratch, SCRATCH);
    if (n > 0) {
        check_echo(c, scratch, (int) n);
        complete_if_whole(c);
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    die("connection %d: %s (%d of %d bytes of the message echoed)", c->id,
        n == 0 ? "the server closed the connection" : strerror(errno), c->received, o.size);
}

/* Reads and decrypts until OpenSSL needs the socket: read-ahead may hold whole records. */
static void read_tls(conn *c) {
    c->read_wants_write = 0;
    for (;;) {
        int n = SSL_read(c->ssl, scratch, SCRATCH);
        if (n > 0) {
            check_echo(c, scratch, n);
            complete_if_whole(c);
            continue;
        }
        int e = SSL_get_error(c->ssl, n);
        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
            c->read_wants_write = e == SSL_ERROR_WANT_WRITE;
            update_events(c);
            return;
        }
        die("connection %d: TLS read: %s (%d of %d bytes of the message echoed)", c->id, tls_reason(c->ssl, n),
            c->received, o.size);
    }
}

static void ready(conn *c, uint32_t ev) {
    if (ev & EPOLLERR) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        die("connection %d: %s", c->id, err ? strerror(err) : "socket error");
    }
    int readable = (ev & (EPOLLIN | EPOLLHUP)) != 0, writable = (ev & EPOLLOUT) != 0;
    if ((writable && c->write_wants_write) || (readable && c->write_wants_read)) flush(c);
    if (readable || (writable && c->read_wants_write)) {
        if (c->ssl) read_tls(c);
        else read_plain(c);
    }
}

/* ---- the run ----------------------------------------------------------------------------------- */

/* "1234567" as "1,234,567" (Java's %,.0f) */
static const char *thousands(double x, char *out) {
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", x);
    int len = (int) strlen(digits), j = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0 && digits[i - 1] != '-') out[j++] = ',';
        out[j++] = digits[i];
    }
    out[j] = 0;
    return out;
}

static void report(uint64_t n, int64_t elapsed, int64_t self_cpu, int64_t server_cpu) {
    double secs = elapsed / 1e9, rps = n / secs, mbps = n * (double) o.size / secs / 1e6;
    double client_cpu = 100.0 * self_cpu / elapsed;
    char server_us[32], server_pct[32], rps_text[48];
    if (server_cpu < 0) {
        strcpy(server_us, "NaN");
        strcpy(server_pct, "NaN");
    } else {
        snprintf(server_us, sizeof server_us, "%.2f", server_cpu / 1e3 / n);
        snprintf(server_pct, sizeof server_pct, "%.1f", 100.0 * server_cpu / elapsed);
    }
    printf("%s: %d connections, %d-byte messages%s, %.1f s measured after %.1f s warm-up\n", o.label, o.connections,
           o.size, o.tls ? " over TLS" : "", secs, o.warmup);
    if (conns[0].ssl)
        printf("  C client: %s, %s\n", SSL_get_version(conns[0].ssl), SSL_get_cipher_name(conns[0].ssl));
    printf("  %s round trips/s, %.1f MB/s each way\n", thousands(rps, rps_text), mbps);
    printf("  latency us: p50 %.0f, p99 %.0f, p99.9 %.0f, max %.0f\n", percentile_us(50), percentile_us(99),
           percentile_us(99.9), histogram_max / 1e3);
    printf("  client CPU %.1f %%; server CPU %s %%, %s us per round trip\n", client_cpu, server_pct, server_us);
    printf("RESULT server=%s size=%d connections=%d roundtrips=%llu rps=%.0f mbps=%.1f p50us=%.0f p99us=%.0f"
           " clientcpu=%.1f servercpu=%s serverus=%s\n",
           o.label, o.size, o.connections, (unsigned long long) n, rps, mbps, percentile_us(50), percentile_us(99),
           client_cpu, server_pct, server_us);
    fflush(stdout);
}

/*
 * A connection whose server lost bytes would wait forever and the run would still report: one
 * waiting longer than the limit fails the run (at the end the limit is the window itself).
 */
static void check_stalled(int64_t now, int64_t limit) {
    for (int i = 0; i < o.connections; i++) {
        conn *c = &conns[i];
        if (now - c->sent_at > limit)
            die("connection %d: %d of %d bytes echoed after %.1f s: the server lost bytes or stopped", c->id,
                c->received, o.size, (now - c->sent_at) / 1e9);
    }
}

int main(int argc, char **argv) {
    parse(argc, argv);
    /* a write to a connection the server closed fails with EPIPE, and the run with a message */
    signal(SIGPIPE, SIG_IGN);
    if (posix_memalign((void **) &pattern, 64, (size_t) o.size + PERIOD) || posix_memalign((void **) &scratch, 64, SCRATCH))
        die("out of memory");
    for (int i = 0; i < o.size + PERIOD; i++) pattern[i] = (unsigned char) (i % PERIOD);
    conns = calloc((size_t) o.connections, sizeof *conns);
    if (!conns) die("out of memory");
    SSL_CTX *tls = o.tls ? tls_context(o.tls) : NULL;
    ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0) die("epoll_create1: %s", strerror(errno));
    for (int i = 0; i < o.connections; i++) open_conn(&conns[i], i, tls);

    int64_t start = now_ns();
    int64_t measure_at = start + (int64_t) (o.warmup * 1e9), end_at = measure_at + (int64_t) (o.seconds * 1e9);
    int64_t stall_limit = (int64_t) (fmax(o.seconds, 5) * 1e9);
    int64_t t0 = 0, self0 = 0, server0 = 0, last_check = start;
    uint64_t rt0 = 0;
    for (int i = 0; i < o.connections; i++) send_message(&conns[i], start);
    struct epoll_event events[256];
    for (;;) {
        int n = epoll_wait(ep, events, 256, 100);
        if (n < 0 && errno != EINTR) die("epoll_wait: %s", strerror(errno));
        for (int i = 0; i < n; i++) ready(events[i].data.ptr, events[i].events);
        int64_t now = now_ns();
        if (!measuring && now >= measure_at) {
            measuring = 1;
            t0 = now;
            rt0 = round_trips;
            self0 = self_cpu_ns();
            server0 = o.server_pid > 0 ? proc_cpu_ns(o.server_pid) : 0;
        } else if (measuring && now >= end_at) {
            int64_t elapsed = now - t0, self = self_cpu_ns() - self0;
            int64_t server = o.server_pid > 0 ? proc_cpu_ns(o.server_pid) - server0 : -1;
            check_stalled(now, (int64_t) (o.seconds * 1e9));
            if (round_trips == rt0) die("no round trip completed in the %.1f s window", o.seconds);
            report(round_trips - rt0, elapsed, self, server);
            return 0;
        }
        if (now - last_check > 1000000000LL) {
            check_stalled(now, stall_limit);
            last_check = now;
        }
    }
}
