/**
 * Fourth stage: what one prepared method keeps across each suspension point
 * ({@link dev.weft.transform.analyse.MethodAnalysis}): types, liveness, monitors; and the class
 * hierarchy that merges types ({@link dev.weft.transform.analyse.ClassHierarchy}).
 *
 * <p>May depend on {@code find} and {@code report}; never on {@code prepare}, {@code emit} or later.
 */
package dev.weft.transform.analyse;
