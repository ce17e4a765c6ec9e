/**
 * What the rewrite reports, shared by every stage: the {@link dev.weft.transform.report.RewriteResult}
 * of a class and its {@link dev.weft.transform.report.RewrittenMethod}s, the
 * {@link dev.weft.transform.report.Problem}s of a refused class (made by
 * {@link dev.weft.transform.report.Refusal}, the one maker of refusals) and the
 * {@link dev.weft.transform.report.SourceLocation} of bytecode in the user's source.
 *
 * <p>Outside the flow (find, check, prepare, analyse, emit, rewrite, then the doors api, agent and
 * cli): every stage may use it; it uses none of them, only ASM's tree.
 */
package dev.weft.transform.report;
