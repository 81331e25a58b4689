package dev.drydock.vulndb;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a record: the {@link Advisory} as JSON (the record's own field names, timestamps in ISO-8601,
 * nulls and empty lists left out), compressed with raw DEFLATE and a per-source preset dictionary. One blob per record; {@code knownExploited} is never stored
 * (it is computed from the KEV table when the record is read).
 */
final class AdvisoryCodec {

    private static final ObjectWriter WRITER;
    private static final ObjectReader READER;

    static {
        SimpleModule time = new SimpleModule("instants");
        time.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.toString());
            }
        });
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        ObjectMapper m = new ObjectMapper().registerModule(time)
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        WRITER = m.writerFor(Advisory.class);
        READER = m.readerFor(Advisory.class);
    }

    private AdvisoryCodec() {
    }

    static byte[] json(Advisory a) {
        try {
            return WRITER.writeValueAsBytes(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A preset DEFLATE dictionary for one source, made of the start of its first records: records of one feed share
     * most of their text (field names, URL prefixes, ecosystem and distribution names), so each small record
     * compresses to about half of what it would alone.
     */
    static byte[] dictionary(java.util.List<byte[]> samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] s : samples) {
            out.write(s, 0, Math.min(s.length, 1024));
        }
        byte[] all = out.toByteArray();
        int max = 32 * 1024; // DEFLATE's window: only the last 32 KiB of a dictionary are used
        return all.length <= max ? all : java.util.Arrays.copyOfRange(all, all.length - max, all.length);
    }

    static byte[] deflate(byte[] json, byte[] dictionary) {
        Deflater d = new Deflater(6, true);
        try {
            if (dictionary != null && dictionary.length > 0) {
                d.setDictionary(dictionary);
            }
            d.setInput(json);
                d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    static Advisory decode(byte[] blob, byte[] dictionary, boolean knownExploited) {
        Inflater inf = new Inflater(true);
        try {
            if (dictionary != null && dictionary.length > 0) {
                inf.setDictionary(dictionary); // raw DEFLATE carries no dictionary id: set it before inflating
            }
            inf.setInput(blob);
            ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length * 4);
            byte[] buf = new byte[16384];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IllegalStateException("stored record is truncated");
                }
                out.write(buf, 0, n);
            }
            Advisory a = READER.readValue(out.toByteArray());
            return knownExploited ? withKnownExploited(a) : a;
        } catch (IOException | DataFormatException e) {
            throw new IllegalStateException("stored record is corrupt: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    static Advisory withKnownExploited(Advisory a) {
        return new Advisory(a.id(), a.aliases(), a.summary(), a.details(), a.published(), a.modified(), a.withdrawn(),
                a.severity(), a.sourceSeverity(), a.affected(), a.references(), a.source(), true);
    }
}
