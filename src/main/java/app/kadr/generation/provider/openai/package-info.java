/** OpenAI: gpt-image-1 images (answered at once, base64) and Sora 2 videos (a job to poll). */
@NullMarked
package app.kadr.generation.provider.openai;

import org.jspecify.annotations.NullMarked;
