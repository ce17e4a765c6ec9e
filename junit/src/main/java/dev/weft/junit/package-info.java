/**
 * Tests of async code with JUnit Jupiter: {@link dev.weft.junit.AsyncTest} marks a test whose
 * body awaits, and {@link dev.weft.junit.AsyncTestExtension} runs it on a fresh event loop and
 * fails it when a task failed unseen or is left pending.
 */
package dev.weft.junit;
