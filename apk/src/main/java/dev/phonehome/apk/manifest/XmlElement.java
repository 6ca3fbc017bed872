package dev.phonehome.apk.manifest;

import java.util.List;
import java.util.Optional;

/**
 * An element of a decoded binary XML document, with its attributes in file order and its
 * child elements. Text nodes are not kept: no Android consumer of manifests reads them.
 *
 * @param namespace  namespace URI, or empty
 * @param name       local name
 * @param lineNumber source line recorded by the compiler (informational, attacker-controlled)
 */
public record XmlElement(String namespace, String name, int lineNumber, List<XmlAttribute> attributes,
        List<XmlElement> children) {
    public XmlElement {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The first attribute carrying this resource id, the way Android looks up framework attributes. */
    public Optional<XmlAttribute> attribute(int resourceId) {
        return attributes.stream().filter(a -> a.resourceId() == resourceId).findFirst();
    }

    /** The first attribute with this namespace URI and name. */
    public Optional<XmlAttribute> attribute(String namespaceUri, String localName) {
        return attributes.stream()
                .filter(a -> a.namespace().equals(namespaceUri) && a.name().equals(localName))
                .findFirst();
    }

    /** Child elements with this name, in document order. */
    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).toList();
    }
}
