package dev.warta.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.V;
import dev.langchain4j.service.output.ServiceOutputParser;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Scanner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One method of {@link NewsTranslator} as a model call, prepared once: its prompts read from their resources and
 * split at their {@code {{placeholders}}}, the JSON schema of its answer built, the request parameters fixed. Each
 * call then only fills in the values and asks the chat model.
 * <p>
 * Why not {@code AiServices}: it does all of that preparation again on every call (reads the prompt resources from
 * the jar, compiles the templates, renders them with regex replacement over the whole article JSON, builds the
 * schema by reflection, draws a random invocation id), a few percent of the processor time of an article. The
 * request it sends is the same to the byte (see {@code PromptedCallTest}), and so are the answers' parsing and its
 * errors, which stay LangChain4j's own ({@link ServiceOutputParser}).
 */
final class PromptedCall<T> {

    /** LangChain4j's placeholder syntax ({@code DefaultPromptTemplateFactory}): {@code {{name}}}, spaces allowed. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.+?)\\s*\\}\\}");

    private final ChatModel model;
    private final Template system;
    private final Template user;
    private final Type answerType;
    private final ChatRequestParameters parameters;
    /** Appended to the user message when the model cannot be given a JSON schema; {@code ""} when it can. */
    private final String formatInstructions;
    private final ServiceOutputParser parser = new ServiceOutputParser();

    private PromptedCall(ChatModel model, Method method) {
        this.model = model;
        List<String> names = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            V name = parameter.getAnnotation(V.class);
            if (name == null) {
                throw new IllegalArgumentException(method.getName() + ": parameter " + parameter.getName()
                        + " has no @V name");
            }
            names.add(name.value());
        }
        this.system = Template.of(resourceText(method.getAnnotation(
                dev.langchain4j.service.SystemMessage.class).fromResource()), names);
        this.user = Template.of(resourceText(method.getAnnotation(
                dev.langchain4j.service.UserMessage.class).fromResource()), names);
        this.answerType = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
        Optional<JsonSchema> schema = model.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                ? parser.jsonSchema(answerType) : Optional.empty();
        // as AiServices builds them: no tools, and the answer's schema when the model takes one
        this.parameters = ChatRequestParameters.builder()
                .toolSpecifications(List.of())
                .responseFormat(schema.map(json -> ResponseFormat.builder()
                        .type(ResponseFormatType.JSON).jsonSchema(json).build()).orElse(null))
                .build();
        this.formatInstructions = schema.isPresent() ? "" : parser.outputFormatInstructions(answerType);
    }

    /** The call for {@code method} of {@link NewsTranslator}, whose return type is {@code Result<T>}. */
    static <T> PromptedCall<T> of(ChatModel model, String method) {
        for (Method candidate : NewsTranslator.class.getDeclaredMethods()) {
            if (candidate.getName().equals(method)) {
                return new PromptedCall<>(model, candidate);
            }
        }
        throw new IllegalArgumentException("NewsTranslator has no method " + method);
    }

    /**
     * Sends the prompts filled with {@code values} (in the order of the method's parameters) and parses the answer;
     * an answer that is not the document asked for throws LangChain4j's {@code OutputParsingException}.
     */
    Result<T> call(String... values) {
        String userText = user.render(values);
        List<ChatMessage> messages = List.of(SystemMessage.from(system.render(values)),
                UserMessage.from(formatInstructions.isEmpty() ? userText : userText + formatInstructions));
        ChatResponse response = model.chat(ChatRequest.builder().messages(messages).parameters(parameters).build());
        @SuppressWarnings("unchecked")
        T content = (T) parser.parse(response, answerType);
        return Result.<T>builder()
                .content(content)
                .tokenUsage(response.metadata().tokenUsage())
                .finishReason(response.finishReason())
                .toolExecutions(List.of())
                .intermediateResponses(List.of())
                .finalResponse(response)
                .build();
    }

    /**
     * Read as {@code AiServices} reads a {@code fromResource} prompt (a whole-text {@link Scanner}), but in UTF-8, the
     * prompt files' encoding: {@code AiServices} uses the platform charset, which garbles their {@code →} on a Java
     * 17 started under a POSIX locale. Where the platform charset is UTF-8 (Java 18 on, and most machines before)
     * the request is byte-identical to what {@code AiServices} sends, so kept answers stay valid.
     */
    private static String resourceText(String resource) {
        InputStream stream = NewsTranslator.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("prompt resource " + resource + " not found");
        }
        try (Scanner scanner = new Scanner(stream, StandardCharsets.UTF_8); Scanner whole = scanner.useDelimiter("\\A")) {
            return whole.hasNext() ? whole.next() : "";
        }
    }

    /**
     * A prompt split at its placeholders: literal text and the index of the value that goes between. Values are put
     * in as they are, in one pass, so a value that contains {@code {{…}}}, {@code $} or {@code \} stays as it is, as
     * with LangChain4j's renderer.
     */
    private record Template(String[] literals, int[] values, String[] names, int length) {

        static Template of(String text, List<String> names) {
            List<String> literals = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            List<String> valueNames = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(text);
            int end = 0;
            while (placeholder.find()) {
                String name = placeholder.group(1).trim();
                int index = names.indexOf(name);
                if (index < 0) {
                    throw new IllegalArgumentException("Value for the variable '" + name + "' is missing");
                }
                literals.add(text.substring(end, placeholder.start()));
                values.add(index);
                valueNames.add(name);
                end = placeholder.end();
            }
            literals.add(text.substring(end));
            return new Template(literals.toArray(String[]::new),
                    values.stream().mapToInt(Integer::intValue).toArray(), valueNames.toArray(String[]::new),
                    text.length());
        }

        String render(String[] arguments) {
            int size = length;
            for (int i = 0; i < values.length; i++) {
                size += value(arguments, i).length();
            }
            StringBuilder text = new StringBuilder(size);
            for (int i = 0; i < values.length; i++) {
                text.append(literals[i]).append(value(arguments, i));
            }
            return text.append(literals[values.length]).toString();
        }

        /** The value of the {@code placeholder}-th placeholder; LangChain4j's error for a null one. */
        private String value(String[] arguments, int placeholder) {
            String value = arguments[values[placeholder]];
            if (value == null) {
                throw new IllegalArgumentException("Value for the variable '" + names[placeholder] + "' is null");
            }
            return value;
        }
    }
}
