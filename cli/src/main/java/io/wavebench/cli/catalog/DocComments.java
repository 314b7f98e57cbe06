package io.wavebench.cli.catalog;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The doc comments of the glue's methods, read from its sources: reflection cannot see javadoc, so
 * the sources are parsed (not compiled) with the JDK's compiler tree API. Also each method's place
 * in its file, so the catalogue lists a class's steps in the order they are written.
 */
final class DocComments {

    /** A method's doc comment as plain text (empty when it has none) and its position in its file. */
    record Doc(String text, long position) {}

    private final Map<String, Doc> byMethod;

    private DocComments(Map<String, Doc> byMethod) {
        this.byMethod = byMethod;
    }

    static DocComments none() {
        return new DocComments(Map.of());
    }

    /** Parses every {@code .java} file under the folders; a folder that does not exist is an error. */
    static DocComments read(List<Path> sourceDirs) {
        if (sourceDirs.isEmpty()) return none();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("reading doc comments from " + sourceDirs + " needs a JDK (its compiler), and this Java ("
                    + System.getProperty("java.home") + ") has none");
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : sourceDirs) {
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException("--sources " + dir + " is not a folder");
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the sources under " + dir, e);
            }
        }
        Map<String, Doc> docs = new HashMap<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) compiler.getTask(null, fm, diagnostic -> {}, List.of("-proc:none"), null, units);
            DocTrees trees = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) new Scanner(trees, unit, docs).scan(unit, null);
        } catch (IOException e) {
            throw new UncheckedIOException("parsing the sources under " + sourceDirs, e);
        }
        return new DocComments(docs);
    }

    /** The doc of {@code pkg.Class.method(type,type)} as Cucumber writes a Java step's location. */
    Optional<Doc> of(String location) {
        int open = location.indexOf('(');
        if (open < 0) return Optional.empty();
        String head = location.substring(0, open);
        String args = location.substring(open + 1, location.lastIndexOf(')') < open ? location.length() : location.lastIndexOf(')'));
        int dot = head.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        List<String> types = new ArrayList<>();
        if (!args.isBlank()) for (String a : args.split(",")) types.add(simpleType(a));
        return Optional.ofNullable(byMethod.get(key(head.substring(0, dot), head.substring(dot + 1), types)));
    }

    private static String key(String className, String method, List<String> simpleTypes) {
        return className + "#" + method + "(" + String.join(",", simpleTypes) + ")";
    }

    /** {@code java.util.List<java.lang.String>} → {@code List}; nested {@code a.B$C} → {@code C}. */
    private static String simpleType(String type) {
        String t = type.strip();
        int generic = t.indexOf('<');
        if (generic >= 0) t = t.substring(0, generic);
        t = t.replace("...", "[]");
        t = t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1);
        return t;
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees trees;
        private final CompilationUnitTree unit;
        private final Map<String, Doc> docs;
        private final Deque<String> classes = new ArrayDeque<>();

        Scanner(DocTrees trees, CompilationUnitTree unit, Map<String, Doc> docs) {
            this.trees = trees;
            this.unit = unit;
            this.docs = docs;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            String outer = classes.isEmpty() ? (unit.getPackageName() == null ? "" : unit.getPackageName() + ".") : classes.peek() + "$";
            classes.push(outer + node.getSimpleName());
            try {
                return super.visitClass(node, unused);
            } finally {
                classes.pop();
            }
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            if (!classes.isEmpty()) {
                List<String> types = new ArrayList<>();
                for (VariableTree p : node.getParameters()) types.add(simpleType(p.getType().toString()));
                DocCommentTree comment = trees.getDocCommentTree(getCurrentPath());
                long position = trees.getSourcePositions().getStartPosition(unit, node);
                String className = classes.peek();
                docs.put(key(className, node.getName().toString(), types), new Doc(comment == null ? "" : text(comment.getFullBody()), position));
                // Cucumber's location names a nested class with '$' or '.', depending on the backend: accept both
                docs.putIfAbsent(key(className.replace('$', '.'), node.getName().toString(), types),
                        docs.get(key(className, node.getName().toString(), types)));
            }
            return null; // a step's body holds no doc comments worth listing
        }
    }

    /** A doc comment's body as plain text: {@code code} in backticks, links by their label, paragraphs by blank lines. */
    static String text(List<? extends DocTree> body) {
        StringBuilder out = new StringBuilder();
        for (DocTree t : body) {
            switch (t.getKind()) {
                case TEXT -> out.append(((TextTree) t).getBody());
                // a tag wrapped over two lines keeps the line break in its body
                case CODE -> out.append('`').append(((LiteralTree) t).getBody().getBody().strip()).append('`');
                case LITERAL -> out.append(((LiteralTree) t).getBody().getBody().strip());
                case LINK, LINK_PLAIN -> {
                    LinkTree link = (LinkTree) t;
                    String label = link.getLabel().isEmpty() ? null : text(link.getLabel());
                    String reference = link.getReference() == null ? "" : link.getReference().getSignature().strip().replaceFirst("^#", "").replace('#', '.');
                    out.append(label != null ? label : t.getKind() == DocTree.Kind.LINK ? "`" + reference + "`" : reference);
                }
                case START_ELEMENT -> {
                    String name = ((StartElementTree) t).getName().toString().toLowerCase(Locale.ROOT);
                    if (name.equals("p")) out.append("\n\n");
                    else if (name.equals("li")) out.append("\n\n- ");
                }
                case END_ELEMENT -> { }
                case ENTITY -> out.append(switch (((EntityTree) t).getName().toString()) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "nbsp" -> " ";
                    default -> t.toString();
                });
                default -> out.append(t);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : out.toString().split("\\n\\s*\\n")) {
            String joined = p.strip().replaceAll("\\s+", " ");
            if (!joined.isEmpty()) paragraphs.add(joined);
        }
        return String.join("\n\n", paragraphs);
    }
}
