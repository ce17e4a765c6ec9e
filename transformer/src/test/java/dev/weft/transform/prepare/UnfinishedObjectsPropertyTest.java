package dev.weft.transform.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Random legal shuffles of an unfinished object's copies and other values around a
 * {@code Generator.yield}: {@code dup}, {@code swap}, {@code dup_x1}, {@code dup_x2}, {@code pop},
 * stores to locals, before and after the marker, the constructor last. Each program is
 * rewritten, checked, loaded and run; it yields what the operand stack and the locals hold at
 * the end, as a model of the stack computes them.
 */
class UnfinishedObjectsPropertyTest {
    private static final int MAX_STACK = 7;
    private static final String BOX = "B";

    @Property(tries = 150)
    void everyShuffleOfTheCopiesRunsAsWritten(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 6) Integer> ops,
                                              @ForAll @IntRange(min = 0, max = 12) int markerAt) {
        List<String> stack = new ArrayList<>();
        String[] locals = new String[4];
        String[] argument = new String[1];
        List<String> expected = new ArrayList<>();
        int[] tags = {0};
        StringBuilder program = new StringBuilder();
        var w = UnfinishedObjectsTest.weave(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, UnfinishedObjectsTest.BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            stack.add(BOX);
            locals[0] = BOX;
            for (int i = 0; i <= ops.size(); i++) {
                if (i == Math.min(markerAt, ops.size())) {
                    UnfinishedObjectsTest.yield(mv, "a");
                    stack.add("x");
                    program.append(" yield");
                }
                if (i < ops.size()) {
                    apply(mv, ops.get(i), stack, locals, tags, program);
                }
            }
            if (stack.isEmpty() || stack.get(stack.size() - 1).equals(BOX)) {
                push(mv, stack, tags, program);
            }
            mv.visitVarInsn(Opcodes.ALOAD, 0); // the receiver, beneath the argument
            mv.visitInsn(Opcodes.SWAP);
            argument[0] = stack.remove(stack.size() - 1);
            UnfinishedObjectsTest.construct(mv);
            while (!stack.isEmpty()) {
                expected.add(stack.remove(stack.size() - 1));
                UnfinishedObjectsTest.yieldTop(mv);
            }
            for (int l = 0; l < locals.length; l++) {
                if (locals[l] != null) {
                    mv.visitVarInsn(Opcodes.ALOAD, l);
                    UnfinishedObjectsTest.yieldTop(mv);
                    expected.add(locals[l]);
                }
            }
        });
        List<Object> script = new ArrayList<>(List.of("next", "x"));
        StringJoiner out = new StringJoiner(" ").add("a");
        for (int i = 1; i < expected.size(); i++) {
            script.add("next");
        }
        for (String v : expected) {
            out.add(v.equals(BOX) ? "Box(" + argument[0] + ")" : v);
        }
        out.add("!StopIteration");
        script.add("next");
        assertThat(UnfinishedObjectsTest.run(w, script.toArray())).as(program.toString()).isEqualTo(out.toString());
    }

    /** Applies op (when legal here, else pushes a tag): 0 tag, 1 dup, 2 swap, 3 dup_x1, 4 dup_x2, 5 pop, 6 keep in a local. */
    private static void apply(MethodVisitor mv, int op, List<String> stack, String[] locals, int[] tags, StringBuilder program) {
        int n = stack.size();
        boolean room = n < MAX_STACK;
        if (op == 1 && n >= 1 && room) {
            mv.visitInsn(Opcodes.DUP);
            stack.add(stack.get(n - 1));
            program.append(" dup");
        } else if (op == 2 && n >= 2) {
            mv.visitInsn(Opcodes.SWAP);
            String top = stack.remove(n - 1);
            stack.add(n - 2, top);
            program.append(" swap");
        } else if (op == 3 && n >= 2 && room) {
            mv.visitInsn(Opcodes.DUP_X1);
            stack.add(n - 2, stack.get(n - 1));
            program.append(" dup_x1");
        } else if (op == 4 && n >= 3 && room) {
            mv.visitInsn(Opcodes.DUP_X2);
            stack.add(n - 3, stack.get(n - 1));
            program.append(" dup_x2");
        } else if (op == 5 && n >= 1) {
            mv.visitInsn(Opcodes.POP);
            stack.remove(n - 1);
            program.append(" pop");
        } else if (op == 6 && n >= 1) {
            int slot = 1 + tags[0] % 3;
            mv.visitVarInsn(Opcodes.ASTORE, slot);
            locals[slot] = stack.remove(n - 1);
            program.append(" store").append(slot);
            tags[0]++;
        } else if (room) {
            push(mv, stack, tags, program);
        }
    }

    private static void push(MethodVisitor mv, List<String> stack, int[] tags, StringBuilder program) {
        String tag = "t" + tags[0]++;
        mv.visitLdcInsn(tag);
        stack.add(tag);
        program.append(' ').append(tag);
    }
}
