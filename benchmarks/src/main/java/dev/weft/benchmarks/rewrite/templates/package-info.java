/**
 * The template classes of {@code RewriteBenchmark}'s generated jar: ordinary Weft code, full of
 * {@code @Async} generators and coroutines, left unrewritten by the build (the Weft plugin
 * excludes this package) so that the benchmark can clone them under 5,000 names and rewrite
 * the clones. Nothing here is ever run.
 */
package dev.weft.benchmarks.rewrite.templates;
