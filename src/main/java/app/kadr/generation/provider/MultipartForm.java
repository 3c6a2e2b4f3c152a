package app.kadr.generation.provider;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/** A multipart/form-data body: parameters as text fields, source images as file parts. */
public final class MultipartForm {

    private final LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();

    /** Every parameter that has a value; an unset one is left out rather than sent as the text "null". */
    public MultipartForm fields(Map<String, @Nullable Object> input) {
        input.forEach((name, value) -> {
            if (value != null) {
                field(name, value);
            }
        });
        return this;
    }

    public MultipartForm field(String name, Object value) {
        parts.add(name, text(value));
        return this;
    }

    public MultipartForm file(String name, SourceImage source) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(source.mimeType()));
        parts.add(name, new HttpEntity<>(new FileSystemResource(source.file()), headers));
        return this;
    }

    /** A file made in memory (e.g. a source image fitted to the size a provider demands). */
    public MultipartForm file(String name, byte[] content, String filename, String mimeType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mimeType));
        ByteArrayResource resource = new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
        parts.add(name, new HttpEntity<>(resource, headers));
        return this;
    }

    public MultiValueMap<String, Object> body() {
        return parts;
    }

    /** Form fields are text: numbers and flags as written, nested values (lists, objects) as JSON. */
    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return JsonMapper.shared().writeValueAsString(value);
        }
        return String.valueOf(value);
    }
}
