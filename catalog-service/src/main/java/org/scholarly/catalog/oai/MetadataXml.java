package org.scholarly.catalog.oai;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A StAX writer for one metadata fragment (the element inside a record's &lt;metadata&gt;), with the few things
 * both formats need: language-tagged text, optional elements, and a stable order of languages.
 */
final class MetadataXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    /** BCP 47 in its common shape; a key that is not a language tag gets no xml:lang rather than a wrong one. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    /** Control characters that XML 1.0 cannot carry; stored text may hold them, the fragment must not. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    final XMLStreamWriter out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

    MetadataXml() {
        try {
            out = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] finish() throws XMLStreamException {
        out.flush();
        out.close();
        return bytes.toByteArray();
    }

    void start(String name) throws XMLStreamException {
        out.writeStartElement(name);
    }

    void start(String prefix, String name, String namespace) throws XMLStreamException {
        out.writeStartElement(prefix, name, namespace);
    }

    void end() throws XMLStreamException {
        out.writeEndElement();
    }

    void attribute(String name, String value) throws XMLStreamException {
        if (value != null) {
            out.writeAttribute(name, clean(value));
        }
    }

    void lang(String language) throws XMLStreamException {
        if (language != null && LANGUAGE_TAG.matcher(language).matches()) {
            out.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", language);
        }
    }

    void text(String value) throws XMLStreamException {
        out.writeCharacters(clean(value));
    }

    /** {@code <name>value</name>}, nothing when the value is missing or blank. */
    void element(String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            out.writeStartElement(name);
            text(value);
            out.writeEndElement();
        }
    }

    void element(String prefix, String name, String namespace, String language, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            out.writeStartElement(prefix, name, namespace);
            lang(language);
            text(value);
            out.writeEndElement();
        }
    }

    static String clean(String value) {
        return NOT_XML.matcher(value).replaceAll("");
    }

    /**
     * The entries of a map by language, the given language first (the article's own, as the primary one), then
     * Korean, English and the rest by key, so that two harvests write the same record the same way.
     */
    static <V> List<Map.Entry<String, V>> byLanguage(Map<String, V> values, String primary) {
        List<Map.Entry<String, V>> entries = new ArrayList<>();
        if (values == null) {
            return entries;
        }
        Map<String, V> ordered = new LinkedHashMap<>();
        for (String first : new String[] {primary, "ko", "en"}) {
            if (first != null && values.containsKey(first)) {
                ordered.put(first, values.get(first));
            }
        }
        values.keySet().stream().sorted().forEach(key -> ordered.putIfAbsent(key, values.get(key)));
        ordered.forEach((key, value) -> {
            if (value != null) {
                entries.add(Map.entry(key, value));
            }
        });
        return entries;
    }
}
