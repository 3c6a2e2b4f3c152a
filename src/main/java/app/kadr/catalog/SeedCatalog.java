package app.kadr.catalog;

import static app.kadr.catalog.ProviderKind.COMFYUI;
import static app.kadr.catalog.ProviderKind.FAL;
import static app.kadr.catalog.ProviderKind.LOCAL;
import static app.kadr.catalog.ProviderKind.OPENAI;
import static app.kadr.catalog.ProviderKind.RUNWARE;
import static app.kadr.catalog.ProviderKind.STABILITY;
import static app.kadr.catalog.Quality.BALANCED;
import static app.kadr.catalog.Quality.HIGH;
import static app.kadr.catalog.Quality.ULTRA;

import app.kadr.catalog.ParamSchema.Param;
import app.kadr.catalog.ParamSchema.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The models a fresh studio knows: real ones, with the inputs their providers document (see PROVIDERS.md), under
 * Kadr's field names, each mapped to the provider's. Prices are list-price estimates per unit; an admin corrects them.
 */
final class SeedCatalog {

    record Seed(ProviderKind kind, ModelDraft model) {}

    private SeedCatalog() {}

    private static final String[] FAL_SIZES = {
        "square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"
    };
    private static final String[] STABILITY_RATIOS = {"16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"
    };
    private static final String[] STABILITY_STYLES = {
        "3d-model",
        "analog-film",
        "anime",
        "cinematic",
        "comic-book",
        "digital-art",
        "enhance",
        "fantasy-art",
        "isometric",
        "line-art",
        "low-poly",
        "modeling-compound",
        "neon-punk",
        "origami",
        "photographic",
        "pixel-art",
        "tile-texture"
    };

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        seeds.addAll(fal());
        seeds.addAll(runware());
        seeds.addAll(stability());
        seeds.addAll(openai());
        seeds.addAll(List.of(comfyui()));
        seeds.addAll(local());
        return seeds;
    }

    private static List<Seed> fal() {
        Map<String, String> flux = map(
                "prompt",
                "prompt",
                "size",
                "image_size",
                "steps",
                "num_inference_steps",
                "guidance",
                "guidance_scale",
                "seed",
                "seed",
                "count",
                "num_images",
                "outputFormat",
                "output_format",
                "safetyChecker",
                "enable_safety_checker");
        return List.of(
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/flux/dev",
                                        "FLUX.1 [dev]",
                                        "Black Forest Labs",
                                        Task.TEXT_TO_IMAGE,
                                        HIGH,
                                        "Открытая модель FLUX.1 с 12 млрд параметров: точно следует описанию, хорошо пишет текст на картинке.")
                                .params(
                                        falSize(),
                                        steps(50, 28),
                                        guidance(1, 20, "3.5"),
                                        seed(),
                                        count(4),
                                        falFormat(),
                                        safety())
                                .mapping(flux)
                                .presets(Map.of("Черновик", Map.of("steps", 12), "Качество", Map.of("steps", 40)))
                                .price(Price.Unit.IMAGE, "0.025")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/flux/schnell",
                                        "FLUX.1 [schnell]",
                                        "Black Forest Labs",
                                        Task.TEXT_TO_IMAGE,
                                        BALANCED,
                                        "Самая быстрая FLUX: 1–4 шага, для набросков и поиска композиции.")
                                .params(falSize(), steps(12, 4), seed(), count(4), falFormat(), safety())
                                .mapping(flux)
                                .price(Price.Unit.IMAGE, "0.003")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/flux-pro/v1.1",
                                        "FLUX1.1 [pro]",
                                        "Black Forest Labs",
                                        Task.TEXT_TO_IMAGE,
                                        ULTRA,
                                        "Флагманская FLUX: лучшее качество и детализация, быстрее FLUX.1 [pro].")
                                .params(falSize(), seed(), count(4), falFormat(), safetyTolerance())
                                .mapping(with(flux, "safetyTolerance", "safety_tolerance"))
                                .price(Price.Unit.IMAGE, "0.04")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/flux-realism",
                                        "FLUX Realism",
                                        "XLabs AI",
                                        Task.TEXT_TO_IMAGE,
                                        HIGH,
                                        "FLUX.1 [dev] с LoRA реализма: фотографичная кожа, свет и фактуры.")
                                .params(
                                        falSize(),
                                        steps(50, 28),
                                        guidance(1, 20, "3.5"),
                                        seed(),
                                        count(4),
                                        falFormat(),
                                        safety(),
                                        number("strength", "Сила стиля реализма", "0", "1", "1"))
                                .mapping(flux)
                                .price(Price.Unit.IMAGE, "0.025")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/fast-sdxl",
                                        "Stable Diffusion XL (быстрая)",
                                        "Stability AI",
                                        Task.TEXT_TO_IMAGE,
                                        BALANCED,
                                        "SDXL 1.0 на ускоренном движке fal: дёшево, быстро, понимает негативный промпт.")
                                .params(
                                        falSize(),
                                        steps(50, 25),
                                        guidance(0, 20, "7.5"),
                                        seed(),
                                        count(8),
                                        falFormat(),
                                        safety())
                                .mapping(with(flux, "negativePrompt", "negative_prompt"))
                                .price(Price.Unit.IMAGE, "0.003")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/flux-pro/kontext",
                                        "FLUX.1 Kontext [pro]",
                                        "Black Forest Labs",
                                        Task.IMAGE_TO_IMAGE,
                                        ULTRA,
                                        "Правка изображения словами: меняет нужное и сохраняет персонажа, стиль и композицию.")
                                .params(
                                        guidance(1, 20, "3.5"),
                                        seed(),
                                        count(4),
                                        falFormat(),
                                        safetyTolerance(),
                                        choice(
                                                "aspectRatio",
                                                "Соотношение сторон",
                                                "aspect-ratio",
                                                null,
                                                "21:9",
                                                "16:9",
                                                "4:3",
                                                "3:2",
                                                "1:1",
                                                "2:3",
                                                "3:4",
                                                "9:16",
                                                "9:21"))
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "sourceImage",
                                        "image_url",
                                        "guidance",
                                        "guidance_scale",
                                        "seed",
                                        "seed",
                                        "count",
                                        "num_images",
                                        "outputFormat",
                                        "output_format",
                                        "safetyTolerance",
                                        "safety_tolerance",
                                        "aspectRatio",
                                        "aspect_ratio"))
                                .price(Price.Unit.IMAGE, "0.04")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/veo3.1/image-to-video",
                                        "Veo 3.1 (из изображения)",
                                        "Google",
                                        Task.IMAGE_TO_VIDEO,
                                        ULTRA,
                                        "Оживляет кадр: кинематографичное движение камеры и синхронный звук.")
                                .params(
                                        choice(
                                                "aspectRatio",
                                                "Соотношение сторон",
                                                "aspect-ratio",
                                                "auto",
                                                "auto",
                                                "16:9",
                                                "9:16"),
                                        choice("duration", "Длительность", "duration", "8s", "4s", "6s", "8s"),
                                        choice("resolution", "Разрешение", null, "720p", "720p", "1080p", "4k"),
                                        flag("generateAudio", "Генерировать звук", true),
                                        seed())
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "sourceImage",
                                        "image_url",
                                        "aspectRatio",
                                        "aspect_ratio",
                                        "duration",
                                        "duration",
                                        "resolution",
                                        "resolution",
                                        "generateAudio",
                                        "generate_audio",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.SECOND, "0.40")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/veo3.1",
                                        "Veo 3.1",
                                        "Google",
                                        Task.TEXT_TO_VIDEO,
                                        ULTRA,
                                        "Видео по описанию со звуком, речью и реалистичной физикой.")
                                .params(
                                        choice(
                                                "aspectRatio",
                                                "Соотношение сторон",
                                                "aspect-ratio",
                                                "16:9",
                                                "16:9",
                                                "9:16"),
                                        choice("duration", "Длительность", "duration", "8s", "4s", "6s", "8s"),
                                        choice("resolution", "Разрешение", null, "720p", "720p", "1080p", "4k"),
                                        flag("generateAudio", "Генерировать звук", true),
                                        seed())
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "aspectRatio",
                                        "aspect_ratio",
                                        "duration",
                                        "duration",
                                        "resolution",
                                        "resolution",
                                        "generateAudio",
                                        "generate_audio",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.SECOND, "0.40")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/kling-video/v1.6/pro/image-to-video",
                                        "Kling 1.6 Pro (из изображения)",
                                        "Kuaishou",
                                        Task.IMAGE_TO_VIDEO,
                                        HIGH,
                                        "Плавное движение и стабильные лица; можно задать последний кадр.")
                                .params(
                                        choice("duration", "Длительность", "duration", "5", "5", "10"),
                                        choice(
                                                "aspectRatio",
                                                "Соотношение сторон",
                                                "aspect-ratio",
                                                "16:9",
                                                "16:9",
                                                "9:16",
                                                "1:1"),
                                        number("cfgScale", "Следование описанию", "0", "1", "0.5"))
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "sourceImage",
                                        "image_url",
                                        "endImage",
                                        "tail_image_url",
                                        "duration",
                                        "duration",
                                        "aspectRatio",
                                        "aspect_ratio",
                                        "cfgScale",
                                        "cfg_scale"))
                                .price(Price.Unit.SECOND, "0.095")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/kling-video/v2.6/pro/image-to-video",
                                        "Kling 2.6 Pro (из изображения)",
                                        "Kuaishou",
                                        Task.IMAGE_TO_VIDEO,
                                        ULTRA,
                                        "Новая Kling: первый и последний кадр, родной звук.")
                                .params(
                                        choice("duration", "Длительность", "duration", "5", "5", "10"),
                                        flag("generateAudio", "Генерировать звук", true))
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "sourceImage",
                                        "start_image_url",
                                        "endImage",
                                        "end_image_url",
                                        "duration",
                                        "duration",
                                        "generateAudio",
                                        "generate_audio"))
                                .price(Price.Unit.SECOND, "0.07")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/minimax/hailuo-02/standard/image-to-video",
                                        "MiniMax Hailuo 02",
                                        "MiniMax",
                                        Task.IMAGE_TO_VIDEO,
                                        HIGH,
                                        "Динамичные сцены и сложная физика движения, 768p.")
                                .params(
                                        choice("duration", "Длительность", "duration", "6", "6", "10"),
                                        flag("promptOptimizer", "Улучшать описание", true))
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "sourceImage",
                                        "image_url",
                                        "duration",
                                        "duration",
                                        "promptOptimizer",
                                        "prompt_optimizer"))
                                .price(Price.Unit.SECOND, "0.045")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/runway-gen3/turbo/image-to-video",
                                        "Runway Gen-3 Alpha Turbo",
                                        "Runway",
                                        Task.IMAGE_TO_VIDEO,
                                        HIGH,
                                        "Быстрая Gen-3 от Runway: выразительное движение по одному кадру.")
                                .params(choice("duration", "Длительность", "duration", "5", "5", "10"), seed())
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "sourceImage",
                                        "image_url",
                                        "duration",
                                        "duration",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.SECOND, "0.05")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/mochi-v1",
                                        "Mochi 1",
                                        "Genmo",
                                        Task.TEXT_TO_VIDEO,
                                        BALANCED,
                                        "Открытая видеомодель: реалистичное движение по описанию, 480p.")
                                .params(seed(), flag("promptExpansion", "Расширять описание", true))
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "seed",
                                        "seed",
                                        "promptExpansion",
                                        "enable_prompt_expansion"))
                                .price(Price.Unit.RUN, "0.40")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/ltx-video",
                                        "LTX Video",
                                        "Lightricks",
                                        Task.TEXT_TO_VIDEO,
                                        BALANCED,
                                        "Очень быстрая открытая видеомодель для черновых пролётов и аниматиков.")
                                .params(steps(50, 30), guidance(1, 10, "3"), seed())
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "steps",
                                        "num_inference_steps",
                                        "guidance",
                                        "guidance_scale",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.RUN, "0.02")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/ltx-video/image-to-video",
                                        "LTX Video (из изображения)",
                                        "Lightricks",
                                        Task.IMAGE_TO_VIDEO,
                                        BALANCED,
                                        "Быстро оживляет кадр для аниматика.")
                                .params(steps(50, 30), guidance(1, 10, "3"), seed())
                                .mapping(map(
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "sourceImage",
                                        "image_url",
                                        "steps",
                                        "num_inference_steps",
                                        "guidance",
                                        "guidance_scale",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.RUN, "0.02")
                                .build()),
                new Seed(
                        FAL,
                        model(
                                        "fal-ai/sync-lipsync",
                                        "Sync Lipsync",
                                        "Sync Labs",
                                        Task.LIP_SYNC,
                                        HIGH,
                                        "Синхронизирует губы в видео с аудиодорожкой.")
                                .params(choice(
                                        "syncMode",
                                        "Если длительность не совпадает",
                                        null,
                                        "cut_off",
                                        "cut_off",
                                        "loop",
                                        "bounce"))
                                .mapping(map("sourceVideo", "video_url", "audio", "audio_url", "syncMode", "sync_mode"))
                                .price(Price.Unit.SECOND, "0.05")
                                .build()));
    }

    private static List<Seed> runware() {
        Map<String, String> image = map(
                "prompt",
                "positivePrompt",
                "negativePrompt",
                "negativePrompt",
                "width",
                "width",
                "height",
                "height",
                "steps",
                "steps",
                "guidance",
                "CFGScale",
                "seed",
                "seed",
                "count",
                "numberResults",
                "outputFormat",
                "outputFormat");
        return List.of(
                new Seed(
                        RUNWARE,
                        model(
                                        "runware:101@1",
                                        "FLUX.1 [dev]",
                                        "Black Forest Labs",
                                        Task.TEXT_TO_IMAGE,
                                        HIGH,
                                        "FLUX.1 [dev] на Runware: то же качество, низкая цена за картинку.")
                                .params(
                                        side("width", "Ширина", 1024),
                                        side("height", "Высота", 768),
                                        steps(100, 28),
                                        guidance(1, 20, "3.5"),
                                        seed(),
                                        count(20),
                                        runwareFormat())
                                .mapping(image)
                                .price(Price.Unit.IMAGE, "0.0038")
                                .build()),
                new Seed(
                        RUNWARE,
                        model(
                                        "runware:100@1",
                                        "FLUX.1 [schnell]",
                                        "Black Forest Labs",
                                        Task.TEXT_TO_IMAGE,
                                        BALANCED,
                                        "FLUX.1 [schnell] на Runware: картинка за доли секунды.")
                                .params(
                                        side("width", "Ширина", 1024),
                                        side("height", "Высота", 768),
                                        steps(12, 4),
                                        seed(),
                                        count(20),
                                        runwareFormat())
                                .mapping(image)
                                .price(Price.Unit.IMAGE, "0.0006")
                                .build()),
                new Seed(
                        RUNWARE,
                        model(
                                        "civitai:101055@128078",
                                        "Stable Diffusion XL 1.0",
                                        "Stability AI",
                                        Task.TEXT_TO_IMAGE,
                                        BALANCED,
                                        "Базовая SDXL: гибкая, понимает негативный промпт и стили.")
                                .params(
                                        side("width", "Ширина", 1024),
                                        side("height", "Высота", 1024),
                                        steps(100, 30),
                                        guidance(0, 30, "7"),
                                        seed(),
                                        count(20),
                                        runwareFormat())
                                .mapping(image)
                                .price(Price.Unit.IMAGE, "0.0019")
                                .build()),
                new Seed(
                        RUNWARE,
                        model(
                                        "klingai:5@3",
                                        "Kling 2.1 Master",
                                        "Kuaishou",
                                        Task.IMAGE_TO_VIDEO,
                                        ULTRA,
                                        "Kling 2.1 Master через videoInference Runware: исходный кадр становится первым кадром видео.")
                                .params(
                                        integerChoice("duration", "Длительность, с", "duration", 5, 5, 10),
                                        side("width", "Ширина", 1920),
                                        side("height", "Высота", 1080),
                                        seed())
                                .mapping(map(
                                        "prompt",
                                        "positivePrompt",
                                        "negativePrompt",
                                        "negativePrompt",
                                        "sourceImage",
                                        "frameImages",
                                        "duration",
                                        "duration",
                                        "width",
                                        "width",
                                        "height",
                                        "height",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.SECOND, "0.28")
                                .build()));
    }

    private static List<Seed> stability() {
        Map<String, String> generate = map(
                "prompt",
                "prompt",
                "negativePrompt",
                "negative_prompt",
                "aspectRatio",
                "aspect_ratio",
                "seed",
                "seed",
                "outputFormat",
                "output_format",
                "stylePreset",
                "style_preset");
        Map<String, String> edit = map("sourceImage", "image", "outputFormat", "output_format");
        return List.of(
                new Seed(
                        STABILITY,
                        model(
                                        "stable-image/generate/core",
                                        "Stable Image Core",
                                        "Stability AI",
                                        Task.TEXT_TO_IMAGE,
                                        BALANCED,
                                        "Быстрая и недорогая генерация со стилевыми пресетами.")
                                .params(
                                        ratio(),
                                        stabilitySeed(),
                                        stabilityFormat(),
                                        choice("stylePreset", "Стиль", null, null, STABILITY_STYLES))
                                .mapping(generate)
                                .price(Price.Unit.IMAGE, "0.03")
                                .build()),
                new Seed(
                        STABILITY,
                        model(
                                        "stable-image/generate/ultra",
                                        "Stable Image Ultra",
                                        "Stability AI",
                                        Task.TEXT_TO_IMAGE,
                                        ULTRA,
                                        "Самая качественная генерация Stability: фотореализм и типографика.")
                                .params(
                                        ratio(),
                                        stabilitySeed(),
                                        stabilityFormat(),
                                        choice("stylePreset", "Стиль", null, null, STABILITY_STYLES))
                                .mapping(generate)
                                .price(Price.Unit.IMAGE, "0.08")
                                .build()),
                new Seed(
                        STABILITY,
                        model(
                                        "stable-image/generate/sd3",
                                        "Stable Diffusion 3.5 Large",
                                        "Stability AI",
                                        Task.TEXT_TO_IMAGE,
                                        HIGH,
                                        "SD 3.5: точное следование описанию; можно выбрать Large, Turbo или Medium.")
                                .params(
                                        choice(
                                                "model",
                                                "Версия",
                                                null,
                                                "sd3.5-large",
                                                "sd3.5-large",
                                                "sd3.5-large-turbo",
                                                "sd3.5-medium"),
                                        ratio(),
                                        stabilitySeed(),
                                        stabilityFormat(),
                                        guidance(1, 10, "4"))
                                .mapping(with(generate, "guidance", "cfg_scale"))
                                .price(Price.Unit.IMAGE, "0.065")
                                .build()),
                new Seed(
                        STABILITY,
                        model(
                                        "stable-image/upscale/fast",
                                        "Быстрое увеличение ×4",
                                        "Stability AI",
                                        Task.UPSCALE,
                                        BALANCED,
                                        "Увеличивает изображение в 4 раза за секунду, без изменения содержания.")
                                .params(stabilityFormat())
                                .mapping(edit)
                                .price(Price.Unit.IMAGE, "0.02")
                                .build()),
                new Seed(
                        STABILITY,
                        model(
                                        "stable-image/upscale/conservative",
                                        "Бережное увеличение до 4K",
                                        "Stability AI",
                                        Task.UPSCALE,
                                        HIGH,
                                        "Увеличивает до 4 мегапикселей, достраивая детали и почти не меняя кадр.")
                                .params(
                                        number("creativity", "Свобода в деталях", "0.2", "0.5", "0.35"),
                                        stabilitySeed(),
                                        stabilityFormat())
                                .mapping(with(
                                        edit,
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "creativity",
                                        "creativity",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.IMAGE, "0.40")
                                .build()),
                new Seed(
                        STABILITY,
                        model(
                                        "stable-image/edit/remove-background",
                                        "Удаление фона",
                                        "Stability AI",
                                        Task.REMOVE_BACKGROUND,
                                        HIGH,
                                        "Вырезает объект и делает фон прозрачным.")
                                .params(choice("outputFormat", "Формат файла", null, "png", "png", "webp"))
                                .mapping(edit)
                                .price(Price.Unit.IMAGE, "0.02")
                                .build()),
                new Seed(
                        STABILITY,
                        model(
                                        "stable-image/edit/inpaint",
                                        "Перерисовка области",
                                        "Stability AI",
                                        Task.INPAINT,
                                        HIGH,
                                        "Перерисовывает область под маской по описанию.")
                                .params(
                                        integer("growMask", "Расширение маски, px", 0, 100, 5),
                                        stabilitySeed(),
                                        stabilityFormat())
                                .mapping(with(
                                        edit,
                                        "prompt",
                                        "prompt",
                                        "negativePrompt",
                                        "negative_prompt",
                                        "maskImage",
                                        "mask",
                                        "growMask",
                                        "grow_mask",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.IMAGE, "0.03")
                                .build()),
                new Seed(
                        STABILITY,
                        model(
                                        "stable-image/edit/outpaint",
                                        "Расширение кадра",
                                        "Stability AI",
                                        Task.OUTPAINT,
                                        HIGH,
                                        "Дорисовывает изображение за его краями в любую сторону.")
                                .params(
                                        integer("left", "Слева, px", 0, 2000, 0),
                                        integer("right", "Справа, px", 0, 2000, 0),
                                        integer("up", "Сверху, px", 0, 2000, 0),
                                        integer("down", "Снизу, px", 0, 2000, 0),
                                        number("creativity", "Свобода дорисовки", "0", "1", "0.5"),
                                        stabilitySeed(),
                                        stabilityFormat())
                                .mapping(with(
                                        edit,
                                        "prompt",
                                        "prompt",
                                        "left",
                                        "left",
                                        "right",
                                        "right",
                                        "up",
                                        "up",
                                        "down",
                                        "down",
                                        "creativity",
                                        "creativity",
                                        "seed",
                                        "seed"))
                                .price(Price.Unit.IMAGE, "0.04")
                                .build()));
    }

    private static List<Seed> openai() {
        // Sora 2 is not offered: OpenAI shut the Sora API down on 24 September 2026 (openai-python 3.1.0, "deprecate
        // Sora video APIs", src/openai/resources/videos.py). V11 switches off the rows of studios seeded before.
        return List.of(new Seed(
                OPENAI,
                model(
                                "gpt-image-1",
                                "GPT Image 1",
                                "OpenAI",
                                Task.TEXT_TO_IMAGE,
                                ULTRA,
                                "Понимает длинные сложные описания, точно рисует текст; прозрачный фон по запросу.")
                        .params(
                                choice("size", "Размер", "size", "auto", "1024x1024", "1536x1024", "1024x1536", "auto"),
                                choice("quality", "Качество", null, "auto", "low", "medium", "high", "auto"),
                                choice("background", "Фон", null, "auto", "transparent", "opaque", "auto"),
                                choice("outputFormat", "Формат файла", null, "png", "png", "jpeg", "webp"),
                                count(10))
                        .mapping(map(
                                "prompt",
                                "prompt",
                                "size",
                                "size",
                                "quality",
                                "quality",
                                "background",
                                "background",
                                "outputFormat",
                                "output_format",
                                "count",
                                "n"))
                        .price(Price.Unit.IMAGE, "0.042")
                        .build()));
    }

    private static Seed comfyui() {
        return new Seed(
                COMFYUI,
                model(
                                "comfyui/sdxl-txt2img",
                                "SDXL на своём ComfyUI",
                                "ComfyUI",
                                Task.TEXT_TO_IMAGE,
                                BALANCED,
                                "Генерация на собственном сервере ComfyUI по стандартному графу SDXL: бесплатно, на своей видеокарте.")
                        .params(
                                side("width", "Ширина", 1024),
                                side("height", "Высота", 1024),
                                steps(100, 25),
                                guidance(1, 30, "7"),
                                seed(),
                                count(8))
                        .mapping(map(
                                "prompt",
                                "prompt",
                                "negativePrompt",
                                "negative_prompt",
                                "width",
                                "width",
                                "height",
                                "height",
                                "steps",
                                "steps",
                                "guidance",
                                "cfg",
                                "seed",
                                "seed",
                                "count",
                                "batch_size"))
                        .workflow("sdxl-txt2img.json")
                        .price(Price.Unit.RUN, "0")
                        .build());
    }

    private static List<Seed> local() {
        return List.of(
                new Seed(
                        LOCAL,
                        model(
                                        "local/draft",
                                        "Черновик (без ИИ)",
                                        "Кадр",
                                        Task.TEXT_TO_IMAGE,
                                        BALANCED,
                                        "Без ИИ: мгновенный процедурный набросок сцены по описанию и зерну, чтобы собрать раскадровку до генерации.")
                                .params(
                                        choice(
                                                "size",
                                                "Размер",
                                                "size",
                                                "1280x720",
                                                "1280x720",
                                                "1920x1080",
                                                "1080x1920",
                                                "1024x1024"),
                                        seed())
                                .mapping(map("prompt", "prompt", "size", "size", "seed", "seed"))
                                .price(Price.Unit.RUN, "0")
                                .build()),
                new Seed(
                        LOCAL,
                        model(
                                        "local/pan-zoom",
                                        "Панорама и наезд (без ИИ)",
                                        "Кадр",
                                        Task.IMAGE_TO_VIDEO,
                                        BALANCED,
                                        "Без ИИ: видео из неподвижного кадра движением камеры — наезд, отъезд и панорама, выбранные по зерну.")
                                .params(integer("duration", "Длительность, с", 1, 10, 5), seed())
                                .mapping(map("sourceImage", "image", "duration", "duration", "seed", "seed"))
                                .price(Price.Unit.RUN, "0")
                                .build()),
                new Seed(
                        LOCAL,
                        model(
                                        "local/upscale",
                                        "Увеличение (без ИИ)",
                                        "Кадр",
                                        Task.UPSCALE,
                                        BALANCED,
                                        "Без ИИ: увеличивает изображение качественной интерполяцией, без новых деталей.")
                                .params(integerChoice("scale", "Во сколько раз", null, 2, 2, 4))
                                .mapping(map("sourceImage", "image", "scale", "scale"))
                                .price(Price.Unit.RUN, "0")
                                .build()));
    }

    // Parameters that recur, each defined once.

    private static Param steps(int max, int byDefault) {
        return integer("steps", "Шаги", 1, max, byDefault);
    }

    private static Param guidance(int min, int max, String byDefault) {
        return number("guidance", "Следование описанию", String.valueOf(min), String.valueOf(max), byDefault);
    }

    private static Param seed() {
        return new Param(
                "seed",
                Type.INTEGER,
                "Зерно",
                "Одинаковое зерно и параметры дают тот же результат.",
                BigDecimal.ZERO,
                new BigDecimal("2147483647"),
                List.of(),
                null,
                null);
    }

    /**
     * Stability's seed, 0–4294967294, where 0 (its schema's default) means "pick one at random". No default here:
     * the studio then picks a random seed for each variant instead of sending 0, 1, 2….
     */
    private static Param stabilitySeed() {
        return new Param(
                "seed",
                Type.INTEGER,
                "Зерно",
                "Одинаковое зерно и параметры дают тот же результат.",
                BigDecimal.ZERO,
                new BigDecimal("4294967294"),
                List.of(),
                null,
                null);
    }

    private static Param count(int max) {
        return integer("count", "Количество вариантов", 1, max, 1);
    }

    private static Param side(String name, String title, int byDefault) {
        return integer(name, title, 128, 2048, byDefault);
    }

    private static Param falSize() {
        return choice("size", "Размер", "size", "landscape_4_3", FAL_SIZES);
    }

    private static Param falFormat() {
        return choice("outputFormat", "Формат файла", null, "jpeg", "jpeg", "png");
    }

    private static Param runwareFormat() {
        return choice("outputFormat", "Формат файла", null, "JPG", "JPG", "PNG", "WEBP");
    }

    private static Param stabilityFormat() {
        return choice("outputFormat", "Формат файла", null, "png", "png", "jpeg", "webp");
    }

    private static Param ratio() {
        return choice("aspectRatio", "Соотношение сторон", "aspect-ratio", "1:1", STABILITY_RATIOS);
    }

    private static Param safety() {
        return flag("safetyChecker", "Проверка безопасности", true);
    }

    private static Param safetyTolerance() {
        return choice("safetyTolerance", "Строгость модерации", null, "2", "1", "2", "3", "4", "5", "6");
    }

    private static Param integer(String name, String title, long min, long max, long byDefault) {
        return new Param(
                name,
                Type.INTEGER,
                title,
                null,
                BigDecimal.valueOf(min),
                BigDecimal.valueOf(max),
                List.of(),
                byDefault,
                null);
    }

    private static Param integerChoice(
            String name, String title, @Nullable String format, long byDefault, long... values) {
        return new Param(
                name,
                Type.INTEGER,
                title,
                null,
                null,
                null,
                Arrays.stream(values).boxed().map(Object.class::cast).toList(),
                byDefault,
                format);
    }

    private static Param number(String name, String title, String min, String max, String byDefault) {
        return new Param(
                name,
                Type.NUMBER,
                title,
                null,
                new BigDecimal(min),
                new BigDecimal(max),
                List.of(),
                new BigDecimal(byDefault),
                null);
    }

    private static Param choice(
            String name, String title, @Nullable String format, @Nullable String byDefault, String... values) {
        return new Param(name, Type.STRING, title, null, null, null, List.of((Object[]) values), byDefault, format);
    }

    private static Param flag(String name, String title, boolean byDefault) {
        return new Param(name, Type.BOOLEAN, title, null, null, null, List.of(), byDefault, null);
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            mapping.put(pairs[i], pairs[i + 1]);
        }
        return mapping;
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> mapping = new LinkedHashMap<>(base);
        mapping.putAll(map(pairs));
        return mapping;
    }

    private static Builder model(
            String externalId, String name, String vendor, Task task, Quality quality, String description) {
        return new Builder(externalId, name, vendor, task, quality, description);
    }

    /** Reads as a sentence in the lists above; {@link #build} keeps only the mapping entries the model can use. */
    private static final class Builder {
        private final String externalId;
        private final String name;
        private final String vendor;
        private final Task task;
        private final Quality quality;
        private final String description;
        private List<Param> params = List.of();
        private Map<String, String> mapping = Map.of();
        private Map<String, Map<String, Object>> presets = Map.of();
        private Price price = new Price(Price.Unit.RUN, BigDecimal.ZERO);
        private @Nullable String workflow;

        Builder(String externalId, String name, String vendor, Task task, Quality quality, String description) {
            this.externalId = externalId;
            this.name = name;
            this.vendor = vendor;
            this.task = task;
            this.quality = quality;
            this.description = description;
        }

        Builder params(Param... params) {
            this.params = List.of(params);
            return this;
        }

        Builder mapping(Map<String, String> mapping) {
            this.mapping = mapping;
            return this;
        }

        Builder presets(Map<String, Map<String, Object>> presets) {
            this.presets = new LinkedHashMap<>(presets);
            return this;
        }

        /** A ComfyUI graph from {@code resources/catalog/workflows/}. */
        Builder workflow(String resource) {
            try (var in = SeedCatalog.class.getResourceAsStream("/catalog/workflows/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("No seed workflow " + resource);
                }
                this.workflow = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return this;
        }

        Builder price(Price.Unit unit, String usd) {
            this.price = new Price(unit, new BigDecimal(usd));
            return this;
        }

        ModelDraft build() {
            ParamSchema schema = new ParamSchema(params, Set.of());
            // Shared mappings name every parameter of a family; a model keeps those it has and the common inputs.
            Map<String, String> used = new LinkedHashMap<>();
            mapping.forEach((kadr, provider) -> {
                if (schema.param(kadr).isPresent() || CatalogAdmin.INPUTS.contains(kadr)) {
                    used.put(kadr, provider);
                }
            });
            return new ModelDraft(
                    externalId,
                    name,
                    vendor,
                    task,
                    quality,
                    description,
                    schema,
                    Map.of(),
                    presets,
                    used,
                    price,
                    true,
                    workflow);
        }
    }
}
