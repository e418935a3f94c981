package dev.amsh.shell.script;

import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * Makes {@code def x = 1} and {@code int g = 7} on a typed line session variables, as groovysh's interpreter
 * mode does: a top-level declaration becomes an assignment to the binding (cast to its declared type).
 * Runbooks keep Groovy's own rules; only typed lines (sources named {@value #LINE_PREFIX}…) change.
 */
final class TopLevelDeclarations extends CompilationCustomizer {
    static final String LINE_PREFIX = "amsh_line";

    TopLevelDeclarations() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript() || !source.getName().startsWith(LINE_PREFIX)) {
            return;
        }
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run == null || !(run.getCode() instanceof BlockStatement block)) {
            return;
        }
        for (int i = 0; i < block.getStatements().size(); i++) {
            Statement s = block.getStatements().get(i);
            if (s instanceof ExpressionStatement es && es.getExpression() instanceof DeclarationExpression d
                    && !d.isMultipleAssignmentDeclaration()) {
                block.getStatements().set(i, assignment(d, es));
            }
        }
    }

    private static Statement assignment(DeclarationExpression d, ExpressionStatement original) {
        VariableExpression target = d.getVariableExpression();
        ClassNode type = target.getOriginType();
        Expression value = d.getRightExpression();
        if (value instanceof EmptyExpression) {
            // "int n" alone is 0, as a field would be; anything else starts as null
            value = type != null && ClassHelper.isPrimitiveType(type) ? new ConstantExpression(0) : ConstantExpression.NULL;
        }
        if (type != null && !ClassHelper.isDynamicTyped(type) && !ClassHelper.OBJECT_TYPE.equals(type)) {
            value = new CastExpression(type, value);
        }
        BinaryExpression assign = new BinaryExpression(new VariableExpression(target.getName()),
                Token.newSymbol(Types.ASSIGN, d.getLineNumber(), d.getColumnNumber()), value);
        assign.setSourcePosition(d);
        ExpressionStatement statement = new ExpressionStatement(assign);
        statement.setSourcePosition(original);
        return statement;
    }
}
