package dev.weft.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Put on a class by the Weft rewrite: the class is rewritten and the rewrite leaves it alone from then on. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Rewritten {
}
