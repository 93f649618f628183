package io.github.infisicalci.jenkins.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.converters.Converter;
import com.thoughtworks.xstream.converters.MarshallingContext;
import com.thoughtworks.xstream.converters.UnmarshallingContext;
import com.thoughtworks.xstream.converters.reflection.ReflectionConverter;
import com.thoughtworks.xstream.converters.reflection.SunUnsafeReflectionProvider;
import com.thoughtworks.xstream.io.HierarchicalStreamReader;
import com.thoughtworks.xstream.io.HierarchicalStreamWriter;
import com.thoughtworks.xstream.io.xml.DomDriver;
import com.thoughtworks.xstream.io.xml.DomReader;
import com.thoughtworks.xstream.mapper.CannotResolveClassException;
import com.thoughtworks.xstream.mapper.MapperWrapper;
import hudson.util.Secret;
import io.github.infisicalci.export.KeySelection;
import io.github.infisicalci.jenkins.binding.BlockException;
import io.github.infisicalci.jenkins.binding.FetchGroup;
import io.github.infisicalci.jenkins.binding.InfisicalBuildWrapper;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import io.github.infisicalci.jenkins.credentials.InfisicalUniversalAuthCredentials;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The official plugin's stored data ({@link OfficialPluginXml}) read after that plugin is removed, with the
 * aliases this plugin registers ({@link OfficialPlugin#ALIASES}). Offline there is no Jenkins XStream2, so
 * the reader here is XStream (the release core 2.568.1 uses) set up the way XStream2 reads these elements:
 * the aliases in a mapper consulted first and for reading only (XStream2's {@code CompatibilityMapper}),
 * transient fields unmarshalled (its {@code RobustReflectionConverter}), and {@code Secret} built from the
 * element's text ({@code Secret.ConverterImpl}; offline a stand-in that records the text). The scope, id
 * and description elements belong to the credentials plugin's base classes, which the stubs do not carry;
 * every other element must land in a field of this plugin's classes. {@code it/OfficialPluginMigrationTest}
 * loads the same files into a real Jenkins.
 */
class OfficialPluginDataTest {
  private final Map<Object, String> secretTexts = new IdentityHashMap<>();

  private XStream readerLikeJenkins(boolean withAliases) {
    XStream x = new XStream(new DomDriver()) {
      @Override
      protected MapperWrapper wrapMapper(MapperWrapper next) {
        return new MapperWrapper(next) {
          @Override
          @SuppressWarnings("rawtypes")
          public Class realClass(String elementName) {
            Class<?> alias = withAliases ? OfficialPlugin.ALIASES.get(elementName) : null;
            return alias != null ? alias : super.realClass(elementName);
          }
        };
      }
    };
    x.allowTypesByWildcard(new String[] {"io.github.infisicalci.**", "java.util.**"});
    x.allowTypes(new Class<?>[] {Secret.class, Object.class});
    x.ignoreUnknownElements("scope|id|description");
    x.registerConverter(new ReflectionConverter(x.getMapper(), x.getReflectionProvider()) {
      @Override
      protected boolean shouldUnmarshalTransientFields() {
        return true;
      }
    }, XStream.PRIORITY_VERY_LOW);
    x.registerConverter(new Converter() {
      @Override
      @SuppressWarnings("rawtypes")
      public boolean canConvert(Class type) {
        return type == Secret.class;
      }

      @Override
      public void marshal(Object source, HierarchicalStreamWriter writer, MarshallingContext context) {
        throw new UnsupportedOperationException("offline Secret cannot be written");
      }

      @Override
      public Object unmarshal(HierarchicalStreamReader reader, UnmarshallingContext context) {
        Object secret = new SunUnsafeReflectionProvider().newInstance(Secret.class);
        secretTexts.put(secret, reader.getValue());
        return secret;
      }
    });
    return x;
  }

  /** The first element named {@code tag} in {@code xml}. */
  private static Element element(String xml, String tag) throws Exception {
    NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagName(tag);
    assertEquals(1, nodes.getLength(), tag);
    return (Element) nodes.item(0);
  }

  private Object read(String xml, String tag, boolean withAliases) throws Exception {
    return readerLikeJenkins(withAliases).unmarshal(new DomReader(element(xml, tag)));
  }

  private static Object field(Object o, String name) throws ReflectiveOperationException {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  @Test
  void officialCredentialsLoadAsUniversalAuthCredentials() throws Exception {
    Object read = read(OfficialPluginXml.credentials("infisical-ua", " ci-client-id ", "ci-secret-Tj93"),
        OfficialPlugin.CREDENTIAL_CLASS, true);
    InfisicalUniversalAuthCredentials c = assertInstanceOf(InfisicalUniversalAuthCredentials.class, read);
    assertEquals("ci-client-id", c.getClientId());
    assertEquals("ci-secret-Tj93", secretTexts.get(c.getClientSecret()), "the plain text stored by the official plugin");
    for (String legacy : List.of("machineIdentityClientId", "machineIdentityClientSecret", "infisicalAuth")) {
      assertNull(field(c, legacy), legacy + " is not kept");
    }
  }

  @Test
  void withoutTheAliasesTheOfficialClassesCannotBeRead() {
    assertThrows(CannotResolveClassException.class, () -> read(OfficialPluginXml.credentials("a", "b", "c"),
        OfficialPlugin.CREDENTIAL_CLASS, false));
    assertThrows(CannotResolveClassException.class, () -> read(OfficialPluginXml.freestyleJob("u", "c", "p"),
        OfficialPlugin.WRAPPER_CLASS, false));
  }

  @Test
  void officialFreestyleWrapperLoadsWithTheSameSettings() throws Exception {
    Object read = read(OfficialPluginXml.freestyleJob("https://infisical.example.com", "infisical-ua", "shop"),
        OfficialPlugin.WRAPPER_CLASS, true);
    InfisicalBuildWrapper w = assertInstanceOf(InfisicalBuildWrapper.class, read);

    InfisicalSettings s = w.options().settings();
    assertEquals("https://infisical.example.com", s.serverUrl());
    assertEquals("infisical-ua", s.credentialsId());
    assertEquals("shop", s.projectSlug());
    assertEquals("dev", s.environment());

    List<FetchGroup> groups = w.options().fetchGroups();
    assertEquals(2, groups.size());
    assertEquals(List.of("/"), groups.get(0).paths());
    assertTrue(groups.get(0).includeImports());
    assertFalse(groups.get(0).recursive());
    assertEquals(List.of(new KeySelection.Rule("DB_PASSWORD", null, true),
        new KeySelection.Rule("THIS_KEY_MIGHT_NOT_EXIST", null, false)), groups.get(0).selection().rules());
    assertEquals(List.of("/database"), groups.get(1).paths());
    assertFalse(groups.get(1).includeImports());
    assertEquals(List.of(new KeySelection.Rule("URL", null, true)), groups.get(1).selection().rules());
  }

  /** The official wrapper kept values it masked in a field that could be saved; they are dropped at load. */
  @Test
  void valuesTheOfficialWrapperKeptAreDroppedAndNeverWrittenAgain() throws Exception {
    String xml = OfficialPluginXml.freestyleJob("https://infisical.example.com", "infisical-ua", "shop")
        .replace("<secretValuesToMask/>", "<secretValuesToMask><string>old-value-Zq81</string></secretValuesToMask>");
    InfisicalBuildWrapper w = (InfisicalBuildWrapper) read(xml, OfficialPlugin.WRAPPER_CLASS, true);
    assertNull(field(w, "secretValuesToMask"));

    String written = readerLikeJenkins(true).toXML(w);
    assertFalse(written.contains("old-value-Zq81"), written);
    assertFalse(written.contains("io.jenkins.plugins.infisicaljenkins"), "aliases are for reading only: " + written);
    assertTrue(written.contains("<infisicalKey>DB_PASSWORD</infisicalKey>"), written);
  }

  /** The official wrapper with no secret folder fetched nothing; here it fails clearly instead of fetching all. */
  @Test
  void anOfficialWrapperWithoutFoldersDoesNotFetchEveryKey() throws Exception {
    String xml = OfficialPluginXml.freestyleJob("https://infisical.example.com", "infisical-ua", "shop");
    xml = xml.substring(0, xml.indexOf("<infisicalSecrets>")) + "<infisicalSecrets/>"
        + xml.substring(xml.indexOf("</infisicalSecrets>") + "</infisicalSecrets>".length());
    InfisicalBuildWrapper w = (InfisicalBuildWrapper) read(xml, OfficialPlugin.WRAPPER_CLASS, true);
    BlockException e = assertThrows(BlockException.class, () -> w.options().fetchGroups());
    assertTrue(e.getMessage().contains("secretValues"), e.getMessage());
  }

  @Test
  void theMonitorMessageSaysHowToMigrate() {
    String m = OfficialPlugin.coexistenceMessage("29.va_e0dc5ca_b_8fa_");
    assertTrue(m.contains("infisical 29.va_e0dc5ca_b_8fa_"), m);
    assertTrue(m.contains("uninstall the official plugin and restart Jenkins"), m);
    assertTrue(m.contains("same ids"), m);
  }
}
