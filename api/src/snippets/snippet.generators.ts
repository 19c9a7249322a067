import { SnippetLanguage, type GeneratedSnippet, type SnippetContext } from './snippet.types.js';

const indentJson = (value: unknown, pad: string) => JSON.stringify(value, null, 2).split('\n').join(`\n${pad}`);
const keyPlaceholder = (c: SnippetContext) => c.keySecret ?? `${c.keyPrefix}_PASTE-THE-REST-OF-THE-KEY`;
/**
 * Server code reads the key from the environment. When the caller supplied the key (just created, shown once),
 * the line saying so carries it, so the code someone copies has the real key and a command to try it with.
 */
const envKeyLine = (c: SnippetContext, comment: string, run: string) =>
  `Set FLARE_INGESTION_KEY in the environment.${c.keySecret ? `\n${comment} Your key, shown once (keep it in your secret manager); to try it now: FLARE_INGESTION_KEY='${c.keySecret}' ${run}` : ''}`;
const header = (c: SnippetContext, comment: string) =>
  [
    `${comment} Flare — send “${c.triggerTitle}” (${c.triggerKey}, version ${c.version}) events, and identify the customers they are about.`,
    `${comment} Ingestion key ${c.keyPrefix} (“${c.keyLabel}”). Protect it: anyone holding it can send events that start journeys.`,
    `${comment} Keep personalised attributes minimal; never send values you would not show in a message.`,
  ].join('\n');

/** Python literal of a JSON value (True/False/None). */
function py(value: unknown, pad = ''): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => py(v, pad)).join(', ')}]`;
  const inner = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pad}    ${JSON.stringify(k)}: ${py(v, `${pad}    `)},`);
  return `{\n${inner.join('\n')}\n${pad}}`;
}

/** Every sample event shows a bindingId (event-format.rules.ts rule 10), next to authId, with what it is for. */
const SAMPLE_BINDING_ID = 'cart/8812';
const BINDING_DOC =
  'bindingId (optional, {entityType}/{entityId}): send the same one on later events about this cart, such as its purchase, to tie them to the journey run this event starts.';

function withBindingId(event: Record<string, unknown>): Record<string, unknown> {
  if (Object.hasOwn(event, 'bindingId')) return event;
  const entries = Object.entries(event);
  const at = entries.findIndex(([name]) => name === 'authId') + 1;
  return Object.fromEntries([...entries.slice(0, at), ['bindingId', SAMPLE_BINDING_ID], ...entries.slice(at)]);
}

/** Puts the bindingId comment on the line above `"bindingId": …` of a printed object literal. */
const annotateBindingId = (literal: string, comment: string) => literal.replace(/^( *)("bindingId": )/m, `$1${comment} ${BINDING_DOC}\n$1$2`);

const IDENTIFY_DOC = 'Creates or updates the customer (by kind and authId): contact details, custom fields, consent, push tokens.';

function javascript(c: SnippetContext): GeneratedSnippet {
  const code = `${header(c, '//')}
(function () {
  var FLARE_ENDPOINT = ${JSON.stringify(c.endpoint)};
  var FLARE_IDENTIFY_ENDPOINT = ${JSON.stringify(c.identifyEndpoint)};
  var FLARE_INGESTION_KEY = ${JSON.stringify(keyPlaceholder(c))};
  var newId = function () {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
  };
  // text/plain keeps these simple requests (no CORS preflight); the key travels in the body.
  var post = function (endpoint, body, what) {
    return fetch(endpoint, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body), keepalive: true })
      .then(function (res) { return res.json(); })
      .then(function (result) {
        // A refused request (wrong or revoked key, origin not allowed, rate limit) answers { error: { code, message } }.
        if (result.error) console.warn('Flare refused the ' + what + ': ' + result.error.code + ' (' + result.error.message + ')');
        else if (result.rejected) console.warn('Flare rejected the ' + what, result.results[0].reasons);
        return result;
      });
  };
  // ${IDENTIFY_DOC}
  window.flareIdentify = function (customer) {
    return post(FLARE_IDENTIFY_ENDPOINT, { key: FLARE_INGESTION_KEY, customers: [Object.assign({ messageId: newId() }, customer)] }, 'customer');
  };
  window.flareTrack = function (event) {
    var now = new Date().toISOString();
    return post(FLARE_ENDPOINT, { key: FLARE_INGESTION_KEY, events: [Object.assign({ messageId: newId(), timestamp: now, sentAt: now }, event)] }, 'event');
  };
})();

// When the customer signs in or changes their details (consent as they gave it), with real values:
flareIdentify(${indentJson(c.customer, '')});

// Call it where the action happens, with real values:
flareTrack(${annotateBindingId(indentJson(c.event, ''), '//')});
`;
  return {
    filename: `flare-${c.triggerKey}.js`,
    code,
    instructions: `Add the site’s origin (e.g. https://shop.example.com) to the ingestion key’s allowed origins. Load this script on your pages, call flareIdentify({...}) when the customer signs in or changes their details, and flareTrack({...}) where the customer acts, with that customer’s id as authId. Replace the example values.`,
  };
}

function node(c: SnippetContext): GeneratedSnippet {
  const code = `${header(c, '//')}
// Node.js 18+ (global fetch). Run as an ES module (.mjs). ${envKeyLine(c, '//', `node flare-${c.triggerKey}.mjs`)}
import { randomUUID } from 'node:crypto';

const FLARE_ENDPOINT = ${JSON.stringify(c.endpoint)};
const FLARE_IDENTIFY_ENDPOINT = ${JSON.stringify(c.identifyEndpoint)};
const FLARE_INGESTION_KEY = process.env.FLARE_INGESTION_KEY; // ${c.keyPrefix}_…

async function postToFlare(endpoint, body) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flare-key': FLARE_INGESTION_KEY },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(\`Flare answered \${res.status}: \${await res.text()}\`);
  const result = await res.json();
  if (result.rejected > 0) console.warn('Flare rejected:', JSON.stringify(result.results[0].reasons));
  return result;
}

/** ${IDENTIFY_DOC} */
export async function identifyFlareCustomer(customer) {
  return postToFlare(FLARE_IDENTIFY_ENDPOINT, { customers: [{ messageId: randomUUID(), ...customer }] });
}

export async function sendFlareEvent(event) {
  const now = new Date().toISOString();
  return postToFlare(FLARE_ENDPOINT, { events: [{ messageId: randomUUID(), timestamp: now, sentAt: now, ...event }] });
}

const identified = await identifyFlareCustomer(${indentJson(c.customer, '')});
console.log(\`Flare identified \${identified.accepted} customer(s)\`);

const result = await sendFlareEvent(${annotateBindingId(indentJson(c.event, ''), '//')});
console.log(\`Flare accepted \${result.accepted} event(s)\`);
`;
  return {
    filename: `flare-${c.triggerKey}.mjs`,
    code,
    instructions:
      'Store the ingestion key in your secret manager and expose it as FLARE_INGESTION_KEY. Call identifyFlareCustomer(...) when a customer signs up or changes their details, and sendFlareEvent(...) when the action happens; retries with the same messageId are stored once.',
  };
}

function python(c: SnippetContext): GeneratedSnippet {
  const code = `${header(c, '#')}
# Python 3, standard library only. ${envKeyLine(c, '#', `python3 flare_${c.triggerKey}.py`)}
import datetime
import json
import os
import urllib.request
import uuid

FLARE_ENDPOINT = ${JSON.stringify(c.endpoint)}
FLARE_IDENTIFY_ENDPOINT = ${JSON.stringify(c.identifyEndpoint)}
FLARE_INGESTION_KEY = os.environ["FLARE_INGESTION_KEY"]  # ${c.keyPrefix}_…


def _post_to_flare(endpoint, body):
    request = urllib.request.Request(
        endpoint,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"content-type": "application/json", "x-flare-key": FLARE_INGESTION_KEY},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        result = json.load(response)
    if result["rejected"]:
        print("Flare rejected:", result["results"][0]["reasons"])
    return result


def identify_flare_customer(customer):
    """${IDENTIFY_DOC}"""
    return _post_to_flare(FLARE_IDENTIFY_ENDPOINT, {"customers": [{"messageId": str(uuid.uuid4()), **customer}]})


def send_flare_event(event):
    now = datetime.datetime.now(datetime.timezone.utc).isoformat()
    return _post_to_flare(FLARE_ENDPOINT, {"events": [{"messageId": str(uuid.uuid4()), "timestamp": now, "sentAt": now, **event}]})


if __name__ == "__main__":
    identified = identify_flare_customer(${py(c.customer, '    ')})
    print("Flare identified %d customer(s)" % identified["accepted"])
    result = send_flare_event(${annotateBindingId(py(c.event, '    '), '#')})
    print("Flare accepted %d event(s)" % result["accepted"])
`;
  return {
    filename: `flare_${c.triggerKey}.py`,
    code,
    instructions:
      'Store the ingestion key in your secret manager and expose it as FLARE_INGESTION_KEY. Call identify_flare_customer({...}) when a customer signs up or changes their details, and send_flare_event({...}) when the action happens.',
  };
}

function csharp(c: SnippetContext): GeneratedSnippet {
  const verbatim = (value: unknown) => JSON.stringify(value).replace(/"/g, '""');
  const code = `${header(c, '//')}
// .NET 6+. ${envKeyLine(c, '//', 'dotnet run')}
using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

public static class FlareEvents
{
    private const string Endpoint = "${c.endpoint}";
    private const string IdentifyEndpoint = "${c.identifyEndpoint}";
    private static readonly HttpClient Http = new HttpClient();

    public static Task<JsonNode?> SendAsync(JsonObject flareEvent)
    {
        var now = DateTimeOffset.UtcNow.ToString("o");
        flareEvent["messageId"] ??= Guid.NewGuid().ToString();
        flareEvent["timestamp"] ??= now;
        flareEvent["sentAt"] = now;
        return PostAsync(Endpoint, new JsonObject { ["events"] = new JsonArray(flareEvent) });
    }

    // ${IDENTIFY_DOC}
    public static Task<JsonNode?> IdentifyAsync(JsonObject customer)
    {
        customer["messageId"] ??= Guid.NewGuid().ToString();
        return PostAsync(IdentifyEndpoint, new JsonObject { ["customers"] = new JsonArray(customer) });
    }

    private static async Task<JsonNode?> PostAsync(string endpoint, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-flare-key", Environment.GetEnvironmentVariable("FLARE_INGESTION_KEY")); // ${c.keyPrefix}_…
        var response = await Http.SendAsync(request);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"Flare answered {(int)response.StatusCode}: {result}");
        if (result?["rejected"]?.GetValue<int>() > 0) Console.Error.WriteLine($"Flare rejected: {result["results"]?[0]?["reasons"]}");
        return result;
    }

    // Example: await FlareEvents.IdentifyAsync(ExampleCustomer()); then await FlareEvents.SendAsync(Example());
    public static JsonObject ExampleCustomer() => JsonNode.Parse(@"${verbatim(c.customer)}")!.AsObject();

    // ${BINDING_DOC}
    public static JsonObject Example() => JsonNode.Parse(@"${verbatim(c.event)}")!.AsObject();
}
`;
  return {
    filename: `FlareEvents.${c.triggerKey}.cs`,
    code,
    instructions:
      'Store the ingestion key in your secret manager and expose it as FLARE_INGESTION_KEY. Call FlareEvents.IdentifyAsync(...) when a customer signs up or changes their details; build the event with the customer’s id as authId and call FlareEvents.SendAsync(...).',
  };
}

function swift(c: SnippetContext): GeneratedSnippet {
  const commented = (value: unknown) => JSON.stringify(value, null, 2).split('\n').join('\n//     ');
  const code = `${header(c, '//')}
// iOS 15+ (URLSession, async/await). Ship the key in your app’s configuration, not hard-coded in source control.
import Foundation

enum Flare {
    static let endpoint = URL(string: "${c.endpoint}")!
    static let identifyEndpoint = URL(string: "${c.identifyEndpoint}")!
    static let ingestionKey = "${keyPlaceholder(c)}"

    static func send(_ event: [String: Any]) async throws -> [String: Any] {
        let now = ISO8601DateFormatter().string(from: Date())
        var full = event
        full["messageId"] = full["messageId"] ?? UUID().uuidString
        full["timestamp"] = full["timestamp"] ?? now
        full["sentAt"] = now
        return try await post(endpoint, ["events": [full]])
    }

    /// ${IDENTIFY_DOC}
    static func identify(_ customer: [String: Any]) async throws -> [String: Any] {
        var full = customer
        full["messageId"] = full["messageId"] ?? UUID().uuidString
        return try await post(identifyEndpoint, ["customers": [full]])
    }

    private static func post(_ url: URL, _ body: [String: Any]) async throws -> [String: Any] {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        request.setValue(ingestionKey, forHTTPHeaderField: "x-flare-key")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 202 else {
            throw NSError(domain: "Flare", code: (response as? HTTPURLResponse)?.statusCode ?? -1)
        }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}

// Example, when the customer signs in or changes their details:
// try await Flare.identify(try JSONSerialization.jsonObject(with: Data("""
//     ${commented(c.customer)}
//     """.utf8)) as! [String: Any])

// Example, where the customer acts.
// ${BINDING_DOC}
// try await Flare.send(try JSONSerialization.jsonObject(with: Data("""
//     ${commented(c.event)}
//     """.utf8)) as! [String: Any])
`;
  return {
    filename: `Flare+${c.triggerKey}.swift`,
    code,
    instructions:
      'Add the file to your app target. Call try await Flare.identify([...]) when the customer signs in or changes their details, and try await Flare.send([...]) where the customer acts, with their id as authId.',
  };
}

function kotlin(c: SnippetContext): GeneratedSnippet {
  const code = `${header(c, '//')}
// Android (Kotlin). Needs the INTERNET permission; call from a background thread or coroutine.
import java.net.HttpURLConnection
import java.net.URL
import java.time.Instant
import java.util.UUID
import org.json.JSONArray
import org.json.JSONObject

object Flare {
    private const val ENDPOINT = "${c.endpoint}"
    private const val IDENTIFY_ENDPOINT = "${c.identifyEndpoint}"
    private const val INGESTION_KEY = "${keyPlaceholder(c)}"

    fun send(event: JSONObject): JSONObject {
        val now = Instant.now().toString()
        if (!event.has("messageId")) event.put("messageId", UUID.randomUUID().toString())
        if (!event.has("timestamp")) event.put("timestamp", now)
        event.put("sentAt", now)
        return post(ENDPOINT, JSONObject().put("events", JSONArray().put(event)))
    }

    /** ${IDENTIFY_DOC} */
    fun identify(customer: JSONObject): JSONObject {
        if (!customer.has("messageId")) customer.put("messageId", UUID.randomUUID().toString())
        return post(IDENTIFY_ENDPOINT, JSONObject().put("customers", JSONArray().put(customer)))
    }

    private fun post(endpoint: String, body: JSONObject): JSONObject {
        val connection = URL(endpoint).openConnection() as HttpURLConnection
        connection.requestMethod = "POST"
        connection.doOutput = true
        connection.setRequestProperty("content-type", "application/json")
        connection.setRequestProperty("x-flare-key", INGESTION_KEY)
        connection.outputStream.use { it.write(body.toString().toByteArray()) }
        val status = connection.responseCode
        val text = (if (status == 202) connection.inputStream else connection.errorStream).bufferedReader().readText()
        if (status != 202) throw IllegalStateException("Flare answered $status: $text")
        return JSONObject(text)
    }

    /** Example, when the customer signs in or changes their details: Flare.identify(Flare.exampleCustomer()) */
    fun exampleCustomer(): JSONObject = JSONObject(${JSON.stringify(JSON.stringify(c.customer))})

    /**
     * Example, where the customer acts: Flare.send(Flare.example())
     * ${BINDING_DOC}
     */
    fun example(): JSONObject = JSONObject(${JSON.stringify(JSON.stringify(c.event))})
}
`;
  return {
    filename: `Flare${c.triggerKey.replace(/(^|_)([a-z0-9])/g, (_m, _u, ch: string) => ch.toUpperCase())}.kt`,
    code,
    instructions:
      'Add the file to your app module. Off the main thread, call Flare.identify(...) when the customer signs in or changes their details, and Flare.send(...) where the customer acts, with their id as authId.',
  };
}

function curl(c: SnippetContext): GeneratedSnippet {
  const quoted = (value: unknown) => JSON.stringify(value).replace(/'/g, `'"'"'`);
  const code = `${header(c, '#')}
${c.keySecret ? `# Your ingestion key (shown once in Flare); keep it out of shared scripts.\nexport FLARE_INGESTION_KEY='${c.keySecret}'` : `# Set FLARE_INGESTION_KEY in your shell first (${c.keyPrefix}_…).`}
# Identify the customer: contact details, consent (creates or updates them by kind and authId).
curl -sS -X POST '${c.identifyEndpoint}' \\
  -H 'content-type: application/json' \\
  -H "x-flare-key: $FLARE_INGESTION_KEY" \\
  -d '${quoted({ customers: [c.customer] })}'
echo
# Send an event about them.
# ${BINDING_DOC}
curl -sS -X POST '${c.endpoint}' \\
  -H 'content-type: application/json' \\
  -H "x-flare-key: $FLARE_INGESTION_KEY" \\
  -d '${quoted({ events: [c.event] })}'
echo
`;
  return {
    filename: `flare-${c.triggerKey}.sh`,
    code,
    instructions: 'Run it to identify one example customer and send one example event, and see the per-item results. Add "messageId" to make retries safe.',
  };
}

export function generateSnippet(language: SnippetLanguage, sample: SnippetContext): GeneratedSnippet {
  const context = { ...sample, event: withBindingId(sample.event) };
  switch (language) {
    case SnippetLanguage.JAVASCRIPT:
      return javascript(context);
    case SnippetLanguage.NODE:
      return node(context);
    case SnippetLanguage.PYTHON:
      return python(context);
    case SnippetLanguage.CSHARP:
      return csharp(context);
    case SnippetLanguage.SWIFT:
      return swift(context);
    case SnippetLanguage.KOTLIN:
      return kotlin(context);
    case SnippetLanguage.CURL:
      return curl(context);
  }
}

export const SECURITY_ADVICE = [
  'The ingestion key identifies your Flare workspace. Anyone who has it can send events that start or steer journeys: keep it in a secret manager for server code, restrict browser keys to your site’s origins, and rotate it if it leaks.',
  'Limit the attributes you send, especially values that personalise messages: they can carry attacks such as cross-site scripting. Flare escapes them in messages, but send only what journeys need.',
];
