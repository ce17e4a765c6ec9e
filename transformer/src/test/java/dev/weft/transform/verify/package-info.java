/**
 * Every shape of generator the rewrite must handle, verified and run on every class file version.
 *
 * <p>{@code corpus/*.java.txt} holds the programs (one compilation unit each; the header lines
 * {@code // since: N} and {@code //> method: expected} say which releases compile it and what
 * each run must print). {@link dev.weft.transform.verify.CorpusVerifyTest} compiles the corpus for
 * {@code --release 8, 11, 17} and, when this JDK targets them, {@code 21, 25}; rewrites, checks,
 * loads under the verifier and runs every case. {@code DeterminismTest}: same bytes for the same
 * input, rewritten classes left alone. {@code DebugInfoTest}: lines and locals survive.
 * {@code Jdk25VerifyTest} runs only on JDK 25+ ({@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64}).
 * To add a case, add a file: no Java code to change.
 */
package dev.weft.transform.verify;
