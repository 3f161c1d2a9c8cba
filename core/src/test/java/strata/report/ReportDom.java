package strata.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The report parsed with the JDK's XML parser (an independent reader of the output: if the page
 * were not well-formed, parsing would fail), queried with XPath.
 */
final class ReportDom {
  private final Document document;

  private ReportDom(Document document) {
    this.document = document;
  }

  static ReportDom parse(String markup) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return new ReportDom(factory.newDocumentBuilder()
          .parse(new InputSource(new StringReader(markup))));
    } catch (Exception e) {
      throw new AssertionError("output is not well-formed: " + e.getMessage(), e);
    }
  }

  List<Element> all(String xpath) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
          .evaluate(xpath, document, XPathConstants.NODESET);
      List<Element> out = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        out.add((Element) nodes.item(i));
      }
      return out;
    } catch (Exception e) {
      throw new AssertionError("bad xpath " + xpath, e);
    }
  }

  int count(String xpath) {
    return all(xpath).size();
  }

  List<String> texts(String xpath) {
    return all(xpath).stream().map(e -> e.getTextContent().trim()).toList();
  }

  static double attr(Element element, String name) {
    return Double.parseDouble(element.getAttribute(name));
  }
}
