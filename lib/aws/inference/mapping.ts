import * as apigw from 'aws-cdk-lib/aws-apigateway';

/**
 * Request schemas and mapping templates of the two invocation APIs. Field names spliced into the
 * templates are validated identifiers (lib/core/inference.ts), never caller input; caller input
 * reaches the backend only as the fields the schema admits.
 */

/** `{"inputs": [...]}`: at most `maxItems` strings (each at most `maxLength`) or numbers, nothing else. */
export function predictionSchema(maxItems: number, maxLength: number): apigw.JsonSchema {
  return {
    schema: apigw.JsonSchemaVersion.DRAFT4,
    title: 'PredictionRequest',
    type: apigw.JsonSchemaType.OBJECT,
    additionalProperties: false,
    required: ['inputs'],
    properties: {
      inputs: {
        type: apigw.JsonSchemaType.ARRAY,
        minItems: 1,
        maxItems,
        items: { type: [apigw.JsonSchemaType.STRING, apigw.JsonSchemaType.NUMBER], maxLength },
      },
    },
  };
}

/** `{"messages": [{"role", "content"}], "maxTokens"?, "temperature"?}`, bounded in count and length. */
export function chatSchema(maxItems: number, maxLength: number, maxTokens: number): apigw.JsonSchema {
  return {
    schema: apigw.JsonSchemaVersion.DRAFT4,
    title: 'ChatRequest',
    type: apigw.JsonSchemaType.OBJECT,
    additionalProperties: false,
    required: ['messages'],
    properties: {
      messages: {
        type: apigw.JsonSchemaType.ARRAY,
        minItems: 1,
        maxItems,
        items: {
          type: apigw.JsonSchemaType.OBJECT,
          additionalProperties: false,
          required: ['role', 'content'],
          properties: {
            role: { type: apigw.JsonSchemaType.STRING, enum: ['user', 'assistant'] },
            content: { type: apigw.JsonSchemaType.STRING, minLength: 1, maxLength },
          },
        },
      },
      maxTokens: { type: apigw.JsonSchemaType.INTEGER, minimum: 1, maximum: maxTokens },
      temperature: { type: apigw.JsonSchemaType.NUMBER, minimum: 0, maximum: 1 },
    },
  };
}

/** Forwards only the validated `inputs` field to the model. */
export const PREDICTION_REQUEST_TEMPLATE = `{"inputs": $input.json('$.inputs')}`;

/** Returns only the allowed fields of the model's JSON answer (e.g. the label, not the score vector). */
export function fieldsResponseTemplate(fields: readonly string[]): string {
  return `{${fields.map((f) => `"${f}": $input.json('$.${f}')`).join(', ')}}`;
}

/** VTL: JSON-escape a string ($util.escapeJavaScript escapes ' as \\', which JSON does not allow). */
const esc = (expr: string) => `$util.escapeJavaScript(${expr}).replaceAll("\\\\'", "'")`;

/**
 * Builds the Converse body from the validated messages and always adds the platform guardrail:
 * the caller's body is never forwarded as is, so it cannot name another guardrail or none.
 */
export function converseRequestTemplate(guardrailArn: string, guardrailVersion: string, maxTokens: number): string {
  return [
    `#set($b = $input.path('$'))`,
    `{"messages": [#foreach($m in $b.messages){"role": "${esc('$m.role')}", "content": [{"text": "${esc('$m.content')}"}]}#if($foreach.hasNext), #end#end],`,
    ` "inferenceConfig": {"maxTokens": #if($b.maxTokens)$b.maxTokens#{else}${maxTokens}#end#if($b.temperature), "temperature": $b.temperature#end},`,
    ` "guardrailConfig": {"guardrailIdentifier": "${guardrailArn}", "guardrailVersion": "${guardrailVersion}", "trace": "disabled"}}`,
  ].join('\n');
}

/** Returns the allowed parts of a Converse answer: the text, the stop reason, token usage. */
export function converseResponseTemplate(fields: readonly string[]): string {
  const parts: Record<string, string> = {
    completion: `"completion": "${esc('$r.output.message.content[0].text')}"`,
    stopReason: `"stopReason": "$r.stopReason"`,
    usage: `"usage": {"inputTokens": $r.usage.inputTokens, "outputTokens": $r.usage.outputTokens}`,
  };
  return [`#set($r = $input.path('$'))`, `{${fields.map((f) => parts[f]).join(', ')}}`].join('\n');
}

/** Backend errors: a fixed message and the request id; never the model's or the service's error text. */
export function errorTemplate(message: string): Record<string, string> {
  return { 'application/json': `{"message": "${message}", "requestId": "$context.requestId"}` };
}

/** Integration responses: 2xx with the allow-list template, 429 kept, other errors generic. */
export function integrationResponses(okTemplate: string): apigw.IntegrationResponse[] {
  return [
    { statusCode: '200', responseTemplates: { 'application/json': okTemplate } },
    {
      selectionPattern: '429',
      statusCode: '429',
      responseTemplates: errorTemplate('Model capacity exceeded, retry later'),
    },
    {
      selectionPattern: '4[0-1]\\d|42[0-8]|4[3-9]\\d',
      statusCode: '400',
      responseTemplates: errorTemplate('The model could not process the request'),
    },
    { selectionPattern: '5\\d{2}', statusCode: '502', responseTemplates: errorTemplate('The model is unavailable') },
  ];
}

export const METHOD_RESPONSES: apigw.MethodResponse[] = ['200', '400', '429', '502'].map((statusCode) => ({
  statusCode,
  responseModels: { 'application/json': apigw.Model.EMPTY_MODEL },
}));
