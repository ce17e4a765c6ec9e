package dev.weft.transform.analyse;

import dev.weft.transform.find.Marker;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.Refusal;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code Generator.yield("x")} in a {@code Generator<Integer, ...>} compiles (the marker takes an
 * {@code Object}) and would fail later, at the consumer, with a {@code ClassCastException}. From
 * the method's generic signature (its {@code Y}, or the bound of a type variable {@code Y}) and the
 * static type of the value yielded, this finds the yields whose value can never be a {@code Y}:
 * two classes neither of which extends the other, or a final class and an interface it does not
 * implement, as javac refuses such a cast. Unknown classes, wildcards, {@code null} and {@code Object} pass.
 */
public final class YieldTypes {
    private static final String OBJECT = "java/lang/Object";

    private YieldTypes() {
    }

    /** The first yield of {@code method} whose value can never be of the method's {@code Y}, or {@code null}. */
    public static Problem check(ClassNode cls, MethodNode method, MethodAnalysis analysis, ClassHierarchy hierarchy) {
        Type declared = declaredYield(cls, method);
        if (declared == null) {
            return null;
        }
        for (SuspensionPoint p : analysis.points()) {
            if (p.marker() != Marker.YIELD || p.operand() == null || !provablyNot(p.operand(), declared, hierarchy)) {
                continue;
            }
            return Refusal.at(cls, method, p.line(), "Generator.yield of a " + p.operand().getClassName()
                    + " in a generator that yields " + declared.getClassName() + ": the consumer would fail with a"
                    + " ClassCastException; yield a " + declared.getClassName() + " (or change the method's Generator<Y, S, R>)");
        }
        return null;
    }

    /** Whether no value whose static type is {@code value} can be a {@code declared}. */
    static boolean provablyNot(Type value, Type declared, ClassHierarchy hierarchy) {
        if (value.getSort() == Type.ARRAY || declared.getSort() == Type.ARRAY) {
            return arraysProvablyNot(value, declared, hierarchy);
        }
        if (value.getSort() != Type.OBJECT || declared.getSort() != Type.OBJECT) {
            return false;
        }
        String v = value.getInternalName();
        String d = declared.getInternalName();
        if (v.equals("null") || v.equals(d) || v.equals(OBJECT) || d.equals(OBJECT) || !hierarchy.knows(v) || !hierarchy.knows(d)) {
            return false;
        }
        boolean vInterface = hierarchy.isInterface(v);
        boolean dInterface = hierarchy.isInterface(d);
        if (vInterface && dInterface) {
            return false; // some class may implement both
        }
        if (vInterface || dInterface) { // a subclass of the class may implement the interface, unless the class is final
            String theClass = vInterface ? d : v;
            String theInterface = vInterface ? v : d;
            return hierarchy.isFinal(theClass) && allKnown(hierarchy.superChain(theClass), hierarchy)
                    && !hierarchy.implementsInterface(theClass, theInterface);
        }
        java.util.List<String> vChain = hierarchy.superChain(v);
        java.util.List<String> dChain = hierarchy.superChain(d);
        if (!allKnown(vChain, hierarchy) || !allKnown(dChain, hierarchy)) {
            return false; // a missing super class might be the link
        }
        return !vChain.contains(d) && !dChain.contains(v);
    }

    private static boolean allKnown(java.util.List<String> chain, ClassHierarchy hierarchy) {
        for (String c : chain) {
            if (!hierarchy.knows(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean arraysProvablyNot(Type value, Type declared, ClassHierarchy hierarchy) {
        if (value.getSort() == Type.ARRAY && declared.getSort() == Type.ARRAY) {
            Type ve = Type.getType(value.getDescriptor().substring(1));
            Type de = Type.getType(declared.getDescriptor().substring(1));
            boolean refs = ve.getSort() >= Type.ARRAY && de.getSort() >= Type.ARRAY;
            return refs ? provablyNot(ve, de, hierarchy) : !ve.equals(de);
        }
        Type other = value.getSort() == Type.ARRAY ? declared : value;
        if (other.getSort() != Type.OBJECT) {
            return false;
        }
        String name = other.getInternalName();
        if (name.equals("null") || name.equals(OBJECT) || name.equals("java/lang/Cloneable") || name.equals("java/io/Serializable")) {
            return false;
        }
        return hierarchy.knows(name); // an array is only ever an Object, Cloneable or Serializable
    }

    /** The erasure of the method's {@code Y} (a type variable's bound), or {@code null} when unknown or Object. */
    static Type declaredYield(ClassNode cls, MethodNode method) {
        String sig = method.signature;
        if (sig == null) {
            return null;
        }
        int ret = sig.indexOf(')');
        String prefix = "Ldev/weft/Generator<";
        if (ret < 0 || !sig.startsWith(prefix, ret + 1)) {
            return null;
        }
        int at = ret + 1 + prefix.length();
        int end = Signatures.skip(sig, at);
        Type erased = Signatures.erasure(sig.substring(at, end), bounds(cls.signature, bounds(sig, new HashMap<>())));
        return erased == null || erased.getDescriptor().equals("L" + OBJECT + ";") ? null : erased;
    }

    /** Adds the type variables declared at the start of {@code signature}, with their erased bounds, unless already named. */
    private static Map<String, String> bounds(String signature, Map<String, String> into) {
        if (signature == null || !signature.startsWith("<")) {
            return into;
        }
        int i = 1;
        while (signature.charAt(i) != '>') {
            int colon = signature.indexOf(':', i);
            String name = signature.substring(i, colon);
            i = colon + 1;
            String bound = null;
            if (signature.charAt(i) != ':') { // a class bound
                int end = Signatures.skip(signature, i);
                bound = signature.substring(i, end);
                i = end;
            }
            while (signature.charAt(i) == ':') { // interface bounds: the first is the erasure when there is no class bound
                int end = Signatures.skip(signature, i + 1);
                if (bound == null) {
                    bound = signature.substring(i + 1, end);
                }
                i = end;
            }
            into.putIfAbsent(name, bound);
        }
        return into;
    }
}
