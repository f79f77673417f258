package dev.portico.integration.aws;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a class's {@code System.getenv(String)} and {@code System.getenv()} calls into calls of {@link
 * LambdaEnvironment} that pass the class itself, so the function it belongs to is known without a stack walk.
 * Only the two call instructions change (one more stack slot each), so the stack map frames stay valid.
 */
final class GetenvRewriter {
  private static final String SYSTEM = "java/lang/System";
  private static final String TARGET = Type.getInternalName(LambdaEnvironment.class);
  private static final String ONE = "(Ljava/lang/String;)Ljava/lang/String;";
  private static final String ALL = "()Ljava/util/Map;";

  private GetenvRewriter() {}

  static byte[] rewrite(byte[] bytes) {
    ClassReader reader = new ClassReader(bytes);
    // class literals need class files of Java 5 or later (version 49); older ones keep the host's environment
    if (reader.readUnsignedShort(6) < Opcodes.V1_5) {
      return bytes;
    }
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    boolean[] changed = {false};
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      private final Type self = Type.getObjectType(reader.getClassName());

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals(SYSTEM) && method.equals("getenv")
                && (desc.equals(ONE) || desc.equals(ALL))) {
              changed[0] = true;
              super.visitLdcInsn(self);
              super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, "getenv", desc.equals(ONE)
                  ? "(Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/String;"
                  : "(Ljava/lang/Class;)Ljava/util/Map;", false);
              return;
            }
            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
          }
        };
      }
    }, 0);
    return changed[0] ? writer.toByteArray() : bytes;
  }
}
