package app.kadr.film;

import app.kadr.storage.BlobStore;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamException;
import org.springframework.stereotype.Component;

/**
 * The hand-off to the edit as a ZIP written straight into a stream: every headliner's original, copied from the
 * blob store as it is read (a film of any length needs no more memory than one buffer), then the three timelines
 * that name those files. Media is stored without compression: it is compressed already, and deflating gigabytes
 * would only cost the CPU.
 */
@Component
class Handoff {

    private final BlobStore blobs;

    Handoff(BlobStore blobs) {
        this.blobs = blobs;
    }

    void write(Cut cut, String baseName, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.NO_COMPRESSION);
        for (Cut.Shot shot : cut.shots()) {
            if (shot.media() != null) {
                zip.putNextEntry(new ZipEntry(shot.media().fileName()));
                try (InputStream in = blobs.open(shot.media().blobKey(), 0)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        OutputStream entry = new KeepOpen(zip);
        zip.putNextEntry(new ZipEntry(baseName + ".edl"));
        Writer edl = new OutputStreamWriter(entry, StandardCharsets.UTF_8);
        Edl.write(cut, edl);
        edl.flush();
        zip.putNextEntry(new ZipEntry(baseName + ".fcpxml"));
        Writer fcpxml = new OutputStreamWriter(entry, StandardCharsets.UTF_8);
        try {
            Fcpxml.write(cut, fcpxml);
        } catch (XMLStreamException e) {
            throw new IOException("Writing the FCPXML failed", e);
        }
        fcpxml.flush();
        zip.putNextEntry(new ZipEntry(baseName + ".otio"));
        Otio.write(cut, entry);
        zip.finish();
        zip.flush();
    }

    /** The zip stays open when a writer of one entry closes its stream. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
