package io.quanyu.ads.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RoiChartTest {

    private static final String NASTY = "<script>alert('x')</script> & \"quotes\" \u0001 广告";

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document d, String tag, String cls) {
        NodeList all = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if ((" " + e.getAttribute("class") + " ").contains(" " + cls + " ")) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void rendersWellFormedSvgWithColouredPointsMeanLineAndEscapedNames() throws Exception {
        RoiReport report = RoiReport.of(List.of(new RoiPoint(NASTY, 100, 300), new RoiPoint("B", 100, 100),
                new RoiPoint("C", 50, 100), new RoiPoint("no cost", 0, 5)));
        String svg = RoiChart.render(report, "ROI vs cost & <more>");
        Document d = parse(svg);

        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        List<Element> keep = byClass(d, "g", "keep");
        List<Element> drop = byClass(d, "g", "drop");
        assertThat(keep).hasSize(2);
        assertThat(drop).hasSize(1);
        assertThat(((Element) keep.getFirst().getElementsByTagNameNS("*", "circle").item(0)).getAttribute("fill"))
                .isEqualTo(RoiChart.KEEP_COLOUR);
        assertThat(((Element) drop.getFirst().getElementsByTagNameNS("*", "circle").item(0)).getAttribute("fill"))
                .isEqualTo(RoiChart.DROP_COLOUR);
        // The name survives escaping (minus the control character XML cannot carry), as text, not markup.
        assertThat(keep.getFirst().getTextContent()).contains("<script>alert('x')</script> & \"quotes\"  广告");
        assertThat(d.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(svg).contains("ROI vs cost &amp; &lt;more&gt;");

        // The mean line sits at ROI 2 on a 0..3 axis (ticks 0, 1, 2, 3): two thirds of the way up the plot.
        Element mean = (Element) byClass(d, "g", "mean").getFirst().getElementsByTagNameNS("*", "line").item(0);
        double y = Double.parseDouble(mean.getAttribute("y1"));
        assertThat(y).isCloseTo(50 + 350 - 350 * 2.0 / 3, within(0.1));
        assertThat(byClass(d, "g", "x-tick")).isNotEmpty();
        assertThat(byClass(d, "g", "y-tick")).extracting(Element::getTextContent).containsExactly("0", "1", "2", "3");
    }

    @Test
    void emptyReportStillRenders() throws Exception {
        Document d = parse(RoiChart.render(RoiReport.of(List.of()), "nothing yet"));
        assertThat(byClass(d, "g", "point")).isEmpty();
        assertThat(byClass(d, "g", "mean")).isEmpty();
    }

    @Test
    void ticksAreRoundNumbersCoveringTheRange() {
        assertThat(RoiChart.ticks(0, 7.3)).containsExactly(0, 2, 4, 6, 8);
        assertThat(RoiChart.ticks(0, 3)).containsExactly(0, 1, 2, 3);
        assertThat(RoiChart.ticks(0, 2.4)).containsExactly(0, 0.5, 1, 1.5, 2, 2.5);
        assertThat(RoiChart.ticks(0, 0)).as("an empty range gets a unit axis")
                .containsExactly(new double[]{0, 0.2, 0.4, 0.6, 0.8, 1}, within(1e-12));
    }
}
