package app.kadr.generation.provider.openai;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake OpenAI as strict as the real one: a POST with a field its endpoint does not document is refused with
 * 400 {@code unknown_parameter}, and a Sora reference frame of another size than the video's with 400, before any
 * stub is asked. The documented fields are openai-python's request types (github.com/openai/openai-python,
 * {@code src/openai/types/image_generate_params.py}, {@code image_edit_params.py}, {@code video_create_params.py};
 * {@code image[]} and {@code mask} are the files {@code resources/images.py} extracts for an edit).
 */
final class StrictOpenAi implements ResponseDefinitionTransformerV2 {

    private static final Map<String, Set<String>> DOCUMENTED = Map.of(
            "/v1/images/generations",
            Set.of(
                    "prompt",
                    "background",
                    "model",
                    "moderation",
                    "n",
                    "output_compression",
                    "output_format",
                    "partial_images",
                    "quality",
                    "response_format",
                    "size",
                    "style",
                    "user",
                    "stream"),
            "/v1/images/edits",
            Set.of(
                    "image",
                    "image[]",
                    "prompt",
                    "background",
                    "input_fidelity",
                    "mask",
                    "model",
                    "n",
                    "output_compression",
                    "output_format",
                    "partial_images",
                    "quality",
                    "response_format",
                    "size",
                    "user",
                    "stream"),
            "/v1/videos",
            Set.of("prompt", "input_reference", "model", "seconds", "size"));

    /** A WireMock server on a free port with this check in front of every stub. */
    static WireMockServer server() {
        // HTTP/1.1 only: the JDK client's h2c upgrade breaks streamed multipart bodies on WireMock's Jetty.
        return new WireMockServer(
                wireMockConfig().dynamicPort().http2PlainDisabled(true).extensions(new StrictOpenAi()));
    }

    @Override
    public String getName() {
        return "strict-openai";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        Set<String> documented = DOCUMENTED.get(path);
        if (!RequestMethod.POST.equals(request.getMethod()) || documented == null) {
            return serveEvent.getResponseDefinition();
        }
        for (String field : fields(request)) {
            if (!documented.contains(field)) {
                return refusal("Unknown parameter: '" + field + "'.", field, "unknown_parameter");
            }
        }
        return sizeMismatch(request)
                .map(message -> refusal(message, "input_reference", "invalid_value"))
                .orElse(serveEvent.getResponseDefinition());
    }

    private static List<String> fields(Request request) {
        List<String> names = new ArrayList<>();
        if (request.isMultipart()) {
            request.getParts().forEach(part -> names.add(part.getName()));
        } else {
            JsonNode body = JsonMapper.shared().readTree(request.getBodyAsString());
            names.addAll(body.propertyNames());
        }
        return names;
    }

    /** Sora's refusal of a reference frame that is not exactly the video's size (720x1280 unless told). */
    private static Optional<String> sizeMismatch(Request request) {
        if (!request.isMultipart() || request.getPart("input_reference") == null) {
            return Optional.empty();
        }
        Request.Part size = request.getPart("size");
        String expected = size == null ? "720x1280" : size.getBody().asString();
        try {
            BufferedImage frame = ImageIO.read(new ByteArrayInputStream(
                    request.getPart("input_reference").getBody().asBytes()));
            if (frame != null && (frame.getWidth() + "x" + frame.getHeight()).equals(expected)) {
                return Optional.empty();
            }
        } catch (IOException unreadable) {
            // Refused below like any other frame of the wrong size.
        }
        return Optional.of("Inpaint image must match the requested width and height");
    }

    private static ResponseDefinition refusal(String message, String param, String code) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":\""
                        + param + "\",\"code\":\"" + code + "\"}}")
                .build();
    }
}
