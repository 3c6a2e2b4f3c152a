package app.kadr.catalog;

import app.kadr.account.AdminOnly;
import app.kadr.account.CurrentUser;
import app.kadr.shared.Page;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The catalog's LoRA entries: anyone signed in lists them (to give an element one), an admin adds them. */
@RestController
@RequestMapping("/api/v1/loras")
class LoraApi {

    /** A LoRA entry with the weights its provider accepts. */
    record LoraView(
            UUID id,
            String provider,
            String providerName,
            String externalId,
            String name,
            String triggerWord,
            BigDecimal defaultWeight,
            BigDecimal minWeight,
            BigDecimal maxWeight) {

        static LoraView of(CatalogLora lora) {
            return new LoraView(
                    lora.id(),
                    lora.provider().kind().code(),
                    lora.provider().name(),
                    lora.externalId(),
                    lora.name(),
                    lora.triggerWord(),
                    lora.defaultWeight(),
                    lora.weights().min(),
                    lora.weights().max());
        }
    }

    private final Catalog catalog;
    private final LoraAdmin admin;

    LoraApi(Catalog catalog, LoraAdmin admin) {
        this.catalog = catalog;
        this.admin = admin;
    }

    @GetMapping
    Page<LoraView> list(CurrentUser me) {
        return new Page<>(catalog.loras().stream().map(LoraView::of).toList(), null);
    }

    @PostMapping
    @AdminOnly
    @ResponseStatus(HttpStatus.CREATED)
    LoraView create(CurrentUser me, @RequestBody LoraChanges body) {
        return LoraView.of(admin.create(me, body));
    }
}
