package io.gyre.marketplace.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketDump;
import java.io.IOException;

/** The dump's JSON form: properties and map keys sorted, peer ids as base58 text. */
public final class DumpJson {
  private static final ObjectMapper MAPPER = mapper();

  private DumpJson() {}

  public static String write(MarketDump dump) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(dump);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the marketplace dump cannot be written as JSON", e);
    }
  }

  public static MarketDump read(String json) {
    try {
      return MAPPER.readValue(json, MarketDump.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a marketplace dump: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper mapper() {
    SimpleModule peerIds = new SimpleModule("gyre-peer-ids");
    peerIds.addSerializer(
        PeerId.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(PeerId id, JsonGenerator out, SerializerProvider provider)
              throws IOException {
            out.writeString(id.base58());
          }
        });
    peerIds.addDeserializer(
        PeerId.class,
        new JsonDeserializer<>() {
          @Override
          public PeerId deserialize(JsonParser in, DeserializationContext context)
              throws IOException {
            String text = in.getValueAsString();
            return PeerId.parse(text).orElseThrow(() -> new IOException("not a peer id: " + text));
          }
        });
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new ParameterNamesModule())
            .registerModule(new Jdk8Module())
            .registerModule(peerIds)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    return mapper;
  }
}
