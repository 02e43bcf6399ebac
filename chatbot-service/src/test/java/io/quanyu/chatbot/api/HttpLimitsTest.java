package io.quanyu.chatbot.api;

import io.quanyu.testkit.HttpLimitsTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The chatbot's HTTP cost bounds: a 2 MiB body limit, control characters in session ids and queries refused with 400. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class HttpLimitsTest extends HttpLimitsTestBase {

    HttpLimitsTest() {
        super("/v1/chat", 2 * 1024 * 1024,
                List.of("/v1/chat/sessions/s%00/transcript", "/v1/chat/sessions/a%0Ab/transcript", "/v1/faq?lang=%00"),
                List.of());
    }
}
