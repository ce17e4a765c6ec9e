package dev.weft.internal;

/**
 * Marks a {@link Body} made by the Weft rewrite (through {@code LambdaMetafactory.altMetafactory}):
 * asked with label -1 it returns its {@linkplain Frame#location() source identity} and does nothing else.
 */
public interface RewrittenBody {
}
