package io.github.infisicalci.devserver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${KEY}} and {@code ${env.folder1.folder2.KEY}} references with the real server's semantics:
 * a reference is resolved against the folder of the secret that contains it; nested references are followed
 * up to depth 10; a reference back into the current chain is substituted once but not followed again; a
 * missing (or empty) target leaves the reference as literal text; when the secret asks for
 * {@code skipMultilineEncoding}, a multi-line result is returned as one quoted line with {@code \n}.
 */
final class ReferenceExpander {
    static final int MAX_DEPTH = 10;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-zA-Z0-9_.-]+)}");

    /** Where values come from; {@code null} = no such secret (or folder). */
    interface Lookup {
        String value(String environment, String path, String key);

        /** Throws an {@link ApiError} when the caller may not read that folder. */
        void checkReadable(String environment, String path, String key, String referencedBy);
    }

    private record Pending(String value, String environment, String path, int depth, Set<String> chain) {
        @Override
        public String toString() {
            return "Pending[" + environment + ":" + path + ", depth " + depth + "]";
        }
    }

    private final Lookup lookup;

    ReferenceExpander(Lookup lookup) {
        this.lookup = lookup;
    }

    static boolean hasReference(String value) {
        return value != null && REFERENCE.matcher(value).find();
    }

    String expand(String value, String environment, String path, String key, boolean skipMultilineEncoding) {
        if (!hasReference(value)) {
            return value;
        }
        String result = value;
        Deque<Pending> work = new ArrayDeque<>();
        Set<String> start = new HashSet<>();
        start.add(id(environment, path, key));
        work.push(new Pending(value, environment, path, 0, start));
        while (!work.isEmpty()) {
            Pending item = work.pop();
            if (item.depth() > MAX_DEPTH) {
                continue;
            }
            for (String reference : references(item.value())) {
                String[] parts = reference.substring(2, reference.length() - 1).split("\\.");
                String env;
                String folder;
                String target;
                if (parts.length == 1) {
                    env = item.environment();
                    folder = item.path();
                    target = parts[0];
                } else {
                    env = parts[0];
                    folder = Model.normalizePath(String.join("/", java.util.Arrays.asList(parts).subList(1, parts.length - 1)));
                    target = parts[parts.length - 1];
                }
                lookup.checkReadable(env, folder, target, key + " in environment '" + environment + "' at path '" + path + "'");
                String referenced = lookup.value(env, folder, target);
                if (referenced == null || referenced.isEmpty()) {
                    continue;
                }
                String targetId = id(env, folder, target);
                boolean circular = item.chain().contains(targetId);
                if (!circular && hasReference(referenced)) {
                    Set<String> chain = new HashSet<>(item.chain());
                    chain.add(targetId);
                    work.push(new Pending(referenced, env, folder, item.depth() + 1, chain));
                }
                result = result.replace(reference, referenced);
            }
        }
        if (skipMultilineEncoding && result.contains("\n")) {
            return "\"" + result.replace("\n", "\\n") + "\"";
        }
        return result;
    }

    private static List<String> references(String value) {
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String id(String environment, String path, String key) {
        return environment + ":" + path + ":" + key;
    }
}
