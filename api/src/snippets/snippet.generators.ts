import { SnippetLanguage, type GeneratedSnippet, type SnippetContext } from './snippet.types.js';

const indentJson = (value: unknown, pad: string) => JSON.stringify(value, null, 2).split('\n').join(`\n${pad}`);
const keyPlaceholder = (c: SnippetContext) => c.keySecret ?? `${c.keyPrefix}_PASTE-THE-REST-OF-THE-KEY`;
const header = (c: SnippetContext, comment: string) =>
  [
    `${comment} Flare — send “${c.triggerTitle}” (${c.triggerKey}, version ${c.version}) events.`,
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

function javascript(c: SnippetContext): GeneratedSnippet {
  const code = `${header(c, '//')}
(function () {
  var FLARE_ENDPOINT = ${JSON.stringify(c.endpoint)};
  var FLARE_INGESTION_KEY = ${JSON.stringify(keyPlaceholder(c))};
  var newId = function () {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
  };
  // text/plain keeps this a simple request (no CORS preflight); the key travels in the body.
  window.flareTrack = function (event) {
    var now = new Date().toISOString();
    var body = JSON.stringify({ key: FLARE_INGESTION_KEY, events: [Object.assign({ messageId: newId(), timestamp: now, sentAt: now }, event)] });
    return fetch(FLARE_ENDPOINT, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: body, keepalive: true })
      .then(function (res) { return res.json(); })
      .then(function (result) {
        if (result.rejected) console.warn('Flare rejected the event', result.results[0].reasons);
        return result;
      });
  };
})();

// Call it where the action happens, with real values:
flareTrack(${indentJson(c.event, '')});
`;
  return {
    filename: `flare-${c.triggerKey}.js`,
    code,
    instructions: `Add the site’s origin (e.g. https://shop.example.com) to the ingestion key’s allowed origins. Load this script on your pages, then call flareTrack({...}) where the customer acts, with that customer’s id as authId. Replace the example values.`,
  };
}

function node(c: SnippetContext): GeneratedSnippet {
  const code = `${header(c, '//')}
// Node.js 18+ (global fetch). Run as an ES module (.mjs). Set FLARE_INGESTION_KEY in the environment.
import { randomUUID } from 'node:crypto';

const FLARE_ENDPOINT = ${JSON.stringify(c.endpoint)};
const FLARE_INGESTION_KEY = process.env.FLARE_INGESTION_KEY; // ${c.keyPrefix}_…

export async function sendFlareEvent(event) {
  const now = new Date().toISOString();
  const res = await fetch(FLARE_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flare-key': FLARE_INGESTION_KEY },
    body: JSON.stringify({ events: [{ messageId: randomUUID(), timestamp: now, sentAt: now, ...event }] }),
  });
  if (res.status !== 202) throw new Error(\`Flare answered \${res.status}: \${await res.text()}\`);
  const result = await res.json();
  if (result.rejected > 0) console.warn('Flare rejected the event:', JSON.stringify(result.results[0].reasons));
  return result;
}

const result = await sendFlareEvent(${indentJson(c.event, '')});
console.log(\`Flare accepted \${result.accepted} event(s)\`);
`;
  return {
    filename: `flare-${c.triggerKey}.mjs`,
    code,
    instructions:
      'Store the ingestion key in your secret manager and expose it as FLARE_INGESTION_KEY. Call sendFlareEvent(...) when the action happens; retries with the same messageId are stored once.',
  };
}

function python(c: SnippetContext): GeneratedSnippet {
  const code = `${header(c, '#')}
# Python 3, standard library only. Set FLARE_INGESTION_KEY in the environment.
import datetime
import json
import os
import urllib.request
import uuid

FLARE_ENDPOINT = ${JSON.stringify(c.endpoint)}
FLARE_INGESTION_KEY = os.environ["FLARE_INGESTION_KEY"]  # ${c.keyPrefix}_…


def send_flare_event(event):
    now = datetime.datetime.now(datetime.timezone.utc).isoformat()
    body = json.dumps({"events": [{"messageId": str(uuid.uuid4()), "timestamp": now, "sentAt": now, **event}]}).encode()
    request = urllib.request.Request(
        FLARE_ENDPOINT,
        data=body,
        method="POST",
        headers={"content-type": "application/json", "x-flare-key": FLARE_INGESTION_KEY},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        result = json.load(response)
    if result["rejected"]:
        print("Flare rejected the event:", result["results"][0]["reasons"])
    return result


if __name__ == "__main__":
    result = send_flare_event(${py(c.event, '    ')})
    print("Flare accepted %d event(s)" % result["accepted"])
`;
  return {
    filename: `flare_${c.triggerKey}.py`,
    code,
    instructions: 'Store the ingestion key in your secret manager and expose it as FLARE_INGESTION_KEY. Call send_flare_event({...}) when the action happens.',
  };
}

function csharp(c: SnippetContext): GeneratedSnippet {
  const json = JSON.stringify(c.event).replace(/"/g, '""');
  const code = `${header(c, '//')}
// .NET 6+. Set FLARE_INGESTION_KEY in the environment.
using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

public static class FlareEvents
{
    private const string Endpoint = "${c.endpoint}";
    private static readonly HttpClient Http = new HttpClient();

    public static async Task<JsonNode?> SendAsync(JsonObject flareEvent)
    {
        var now = DateTimeOffset.UtcNow.ToString("o");
        flareEvent["messageId"] ??= Guid.NewGuid().ToString();
        flareEvent["timestamp"] ??= now;
        flareEvent["sentAt"] = now;
        var body = new JsonObject { ["events"] = new JsonArray(flareEvent) };
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-flare-key", Environment.GetEnvironmentVariable("FLARE_INGESTION_KEY")); // ${c.keyPrefix}_…
        var response = await Http.SendAsync(request);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"Flare answered {(int)response.StatusCode}: {result}");
        if (result?["rejected"]?.GetValue<int>() > 0) Console.Error.WriteLine($"Flare rejected the event: {result["results"]?[0]?["reasons"]}");
        return result;
    }

    // Example: await FlareEvents.SendAsync(Example());
    public static JsonObject Example() => JsonNode.Parse(@"${json}")!.AsObject();
}
`;
  return {
    filename: `FlareEvents.${c.triggerKey}.cs`,
    code,
    instructions:
      'Store the ingestion key in your secret manager and expose it as FLARE_INGESTION_KEY. Build the event with the customer’s id as authId and call FlareEvents.SendAsync(...).',
  };
}

function swift(c: SnippetContext): GeneratedSnippet {
  const json = JSON.stringify(c.event, null, 2).split('\n').join('\n    ');
  const code = `${header(c, '//')}
// iOS 15+ (URLSession, async/await). Ship the key in your app’s configuration, not hard-coded in source control.
import Foundation

enum Flare {
    static let endpoint = URL(string: "${c.endpoint}")!
    static let ingestionKey = "${keyPlaceholder(c)}"

    static func send(_ event: [String: Any]) async throws -> [String: Any] {
        let now = ISO8601DateFormatter().string(from: Date())
        var full = event
        full["messageId"] = full["messageId"] ?? UUID().uuidString
        full["timestamp"] = full["timestamp"] ?? now
        full["sentAt"] = now
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        request.setValue(ingestionKey, forHTTPHeaderField: "x-flare-key")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["events": [full]])
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 202 else {
            throw NSError(domain: "Flare", code: (response as? HTTPURLResponse)?.statusCode ?? -1)
        }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}

// Example, where the customer acts:
// try await Flare.send(try JSONSerialization.jsonObject(with: Data("""
//     ${json.split('\n').join('\n//     ')}
//     """.utf8)) as! [String: Any])
`;
  return {
    filename: `Flare+${c.triggerKey}.swift`,
    code,
    instructions: 'Add the file to your app target and call try await Flare.send([...]) where the customer acts, with their id as authId.',
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
    private const val INGESTION_KEY = "${keyPlaceholder(c)}"

    fun send(event: JSONObject): JSONObject {
        val now = Instant.now().toString()
        if (!event.has("messageId")) event.put("messageId", UUID.randomUUID().toString())
        if (!event.has("timestamp")) event.put("timestamp", now)
        event.put("sentAt", now)
        val body = JSONObject().put("events", JSONArray().put(event)).toString()
        val connection = URL(ENDPOINT).openConnection() as HttpURLConnection
        connection.requestMethod = "POST"
        connection.doOutput = true
        connection.setRequestProperty("content-type", "application/json")
        connection.setRequestProperty("x-flare-key", INGESTION_KEY)
        connection.outputStream.use { it.write(body.toByteArray()) }
        val status = connection.responseCode
        val text = (if (status == 202) connection.inputStream else connection.errorStream).bufferedReader().readText()
        if (status != 202) throw IllegalStateException("Flare answered $status: $text")
        return JSONObject(text)
    }

    /** Example, where the customer acts: Flare.send(Flare.example()) */
    fun example(): JSONObject = JSONObject(${JSON.stringify(JSON.stringify(c.event))})
}
`;
  return {
    filename: `Flare${c.triggerKey.replace(/(^|_)([a-z0-9])/g, (_m, _u, ch: string) => ch.toUpperCase())}.kt`,
    code,
    instructions: 'Add the file to your app module and call Flare.send(...) off the main thread where the customer acts, with their id as authId.',
  };
}

function curl(c: SnippetContext): GeneratedSnippet {
  const body = JSON.stringify({ events: [c.event] }).replace(/'/g, `'"'"'`);
  const code = `${header(c, '#')}
# Set FLARE_INGESTION_KEY in your shell first (${c.keyPrefix}_…).
curl -sS -X POST '${c.endpoint}' \\
  -H 'content-type: application/json' \\
  -H "x-flare-key: $FLARE_INGESTION_KEY" \\
  -d '${body}'
`;
  return { filename: `flare-${c.triggerKey}.sh`, code, instructions: 'Run it to send one example event and see the per-event result. Add "messageId" to make retries safe.' };
}

export function generateSnippet(language: SnippetLanguage, context: SnippetContext): GeneratedSnippet {
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
