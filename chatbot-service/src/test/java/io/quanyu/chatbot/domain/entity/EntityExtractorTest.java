package io.quanyu.chatbot.domain.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Entities in Chinese and English turns, each span checked against the original text. */
class EntityExtractorTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2024, 11, 20);
    private static final Catalog CATALOG = Catalog.of(List.of(
            new CatalogProduct("p-band8", "SKU-1001", "小米手环8", List.of("Mi Band 8")),
            new CatalogProduct("p-iph15", "AB-77", "iPhone 15 Pro"),
            new CatalogProduct("p-pen", null, "pen")));
    private final EntityExtractor extractor = new EntityExtractor();

    private List<Entity> extract(String text) {
        List<Entity> entities = extractor.extract(text, CATALOG, TODAY);
        assertThat(entities).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
        return entities;
    }

    private static Entity only(List<Entity> entities, EntityType type) {
        List<Entity> of = entities.stream().filter(e -> e.type() == type).toList();
        assertThat(of).as(type + " in " + entities).hasSize(1);
        return of.getFirst();
    }

    @Test
    void chineseTurnWithOrderDatePhone() {
        String text = "我的订单DD20231120昨天还没到，电话13812345678";
        List<Entity> e = extract(text);
        Entity order = only(e, EntityType.ORDER_NUMBER);
        assertThat(order.value()).isEqualTo("DD20231120");
        assertThat(order.start()).isEqualTo(text.indexOf("DD"));
        assertThat(only(e, EntityType.DATE).value()).isEqualTo("2024-11-19");
        Entity phone = only(e, EntityType.PHONE);
        assertThat(phone.display()).isEqualTo("138****5678");
        assertThat(phone.toString()).doesNotContain("13812345678");
        assertThat(phone.sensitive()).isTrue();
    }

    @Test
    void chineseQuantityProductAndMonthDay() {
        String text = "买了3件小米手环8，11月25日能到吗";
        List<Entity> e = extract(text);
        Entity qty = only(e, EntityType.QUANTITY);
        assertThat(qty.text()).isEqualTo("3件");
        assertThat(qty.value()).isEqualTo("3");
        assertThat(only(e, EntityType.PRODUCT).value()).isEqualTo("p-band8");
        Entity date = only(e, EntityType.DATE);
        assertThat(date.text()).isEqualTo("11月25日");
        assertThat(date.value()).isEqualTo("2024-11-25");
    }

    @Test
    void chineseNumeralsWeekdaysAndSku() {
        List<Entity> e = extract("下周一送到，ＳＫＵ－１００１要两台");
        assertThat(only(e, EntityType.DATE).value()).isEqualTo("2024-11-25");
        assertThat(only(e, EntityType.SKU).value()).isEqualTo("SKU-1001");
        assertThat(only(e, EntityType.QUANTITY).value()).isEqualTo("2");
        assertThat(only(extract("我要二十三个"), EntityType.QUANTITY).value()).isEqualTo("23");
        assertThat(only(extract("周五能发货吗"), EntityType.DATE).value()).isEqualTo("2024-11-22");
        assertThat(only(extract("三天后再说"), EntityType.DATE).value()).isEqualTo("2024-11-23");
    }

    @Test
    void englishTurn() {
        String text = "I want two Mi Band 8, deliver next Monday. Order #123456789, call +1 415-555-0123";
        List<Entity> e = extract(text);
        assertThat(only(e, EntityType.QUANTITY).value()).isEqualTo("2");
        assertThat(only(e, EntityType.PRODUCT).text()).isEqualTo("Mi Band 8");
        assertThat(only(e, EntityType.DATE).value()).isEqualTo("2024-11-25");
        assertThat(only(e, EntityType.ORDER_NUMBER).value()).isEqualTo("123456789");
        Entity phone = only(e, EntityType.PHONE);
        assertThat(phone.display()).endsWith("0123").doesNotContain("555");
    }

    @Test
    void englishDates() {
        assertThat(only(extract("ordered on Nov 18th"), EntityType.DATE).value()).isEqualTo("2024-11-18");
        assertThat(only(extract("it was 3 December 2023"), EntityType.DATE).value()).isEqualTo("2023-12-03");
        assertThat(only(extract("arriving on friday?"), EntityType.DATE).value()).isEqualTo("2024-11-22");
        assertThat(only(extract("it came last Tuesday"), EntityType.DATE).value()).isEqualTo("2024-11-12");
        assertThat(only(extract("shipped 2 days ago"), EntityType.DATE).value()).isEqualTo("2024-11-18");
        assertThat(only(extract("due 2024-12-01"), EntityType.DATE).value()).isEqualTo("2024-12-01");
        assertThat(extract("you may want a refund")).noneMatch(x -> x.type() == EntityType.DATE);
    }

    @Test
    void productNamesNeedWordBoundariesInEnglish() {
        assertThat(extract("please open the box")).noneMatch(x -> x.type() == EntityType.PRODUCT);
        assertThat(only(extract("a blue pen please"), EntityType.PRODUCT).value()).isEqualTo("p-pen");
        assertThat(only(extract("is the IPHONE 15 PRO in stock"), EntityType.PRODUCT).value()).isEqualTo("p-iph15");
    }

    @Test
    void orderKeywordBeatsPhoneShape() {
        List<Entity> e = extract("订单号13812345678");
        assertThat(only(e, EntityType.ORDER_NUMBER).value()).isEqualTo("13812345678");
        assertThat(e).noneMatch(x -> x.type() == EntityType.PHONE);
    }

    @Test
    void nothingToFindAndHugeInput() {
        assertThat(extract("hello there")).isEmpty();
        assertThat(extractor.extract(null, null, TODAY)).isEmpty();
        assertThat(extractor.extract("7".repeat(100_000), CATALOG, TODAY)).allSatisfy(x -> assertThat(x.end()).isLessThanOrEqualTo(2000));
    }

    @Test
    void masksKeepOnlyEdges() {
        assertThat(EntityExtractor.mask("13812345678")).isEqualTo("138****5678");
        assertThat(EntityExtractor.mask("4155550123")).isEqualTo("******0123");
    }
}
