package io.wavebench.reports;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks the report's pages without a browser: each page parses as XML (so no tag is left
 * unclosed), ids are unique, every {@code href}/{@code src} that is not an in-page anchor points
 * at a file that exists inside the report, anchors into other pages exist, nothing is fetched from
 * the network (the report works from {@code file://}, no CDN), and no card photo is referenced
 * (DESIGN §5.4). The browser test runs the same checks when no Chromium is installed.
 */
public final class SiteCheck {

    private SiteCheck() {}

    /** Every problem found in every {@code .html} page directly in the report folder; empty when all is well. */
    public static List<String> check(Path reportDir) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> pages = Files.list(reportDir)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html") && !p.getFileName().toString().equals("cucumber.html")).sorted().toList()) {
                problems.addAll(checkPage(reportDir, page));
            }
        }
        return problems;
    }

    static List<String> checkPage(Path reportDir, Path page) throws IOException {
        List<String> problems = new ArrayList<>();
        String name = page.getFileName().toString();
        Document doc;
        try {
            doc = parse(page);
        } catch (SAXException e) {
            return List.of(name + ": not well-formed: " + e.getMessage());
        }
        Set<String> ids = new HashSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = e.getAttribute("id");
            if (!id.isEmpty() && !ids.add(id)) problems.add(name + ": id '" + id + "' used twice");
        }
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attribute : List.of("href", "src")) {
                String target = e.getAttribute(attribute);
                if (target.isEmpty()) continue;
                String where = name + ": <" + e.getTagName() + " " + attribute + "=\"" + target + "\">";
                if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) { // a scheme: http:, https:, file:, data:, javascript:
                    problems.add(where + " leaves the report folder (the report must work offline from file://)");
                    continue;
                }
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                String decoded = decode(path);
                if (Evidence.isCardPhoto(Path.of(decoded.isEmpty() ? "x" : decoded).getFileName().toString())) {
                    problems.add(where + " shows a card photo; card photos never reach the report (DESIGN §5.4)");
                }
                if (path.isEmpty()) {
                    if (fragment != null && !fragment.isEmpty() && !ids.contains(fragment)) problems.add(where + " points at no id on this page");
                    continue;
                }
                Path file = page.getParent().resolve(decoded).normalize();
                if (!file.startsWith(reportDir.normalize())) problems.add(where + " points outside the report folder");
                else if (!Files.exists(file)) problems.add(where + " points at a missing file");
                else if (fragment != null && !fragment.isEmpty() && file.toString().endsWith(".html") && !idsOf(file).contains(fragment)) {
                    problems.add(where + " points at no id in " + file.getFileName());
                }
            }
        }
        return problems;
    }

    private static Set<String> idsOf(Path page) throws IOException {
        Set<String> ids = new HashSet<>();
        try {
            NodeList all = parse(page).getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) ids.add(((Element) all.item(i)).getAttribute("id"));
        } catch (SAXException e) {
            // reported when that page itself is checked
        }
        return ids;
    }

    private static Document parse(Path page) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // No DTD, no external entities: the page must stand alone.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(page.toFile());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
        }
    }

    private static String decode(String path) {
        try {
            return URI.create(path).getPath();
        } catch (IllegalArgumentException e) {
            return path;
        }
    }
}
