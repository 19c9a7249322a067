import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { Trigger } from '../triggers/trigger.entity.js';
import { SnippetLanguage } from './snippet.types.js';

@ObjectType({ description: 'Generated integration code for a trigger, with instructions and security advice.' })
export class Snippet {
  @Field(() => SnippetLanguage, { description: 'Language / platform.' })
  language!: SnippetLanguage;

  @Field(() => String, { description: 'Suggested file name for downloading.' })
  filename!: string;

  @Field(() => String, { description: 'The code, with typed example values for the trigger’s latest version.' })
  code!: string;

  @Field(() => String, { description: 'Short integration instructions.' })
  instructions!: string;

  @Field(() => [String], { description: 'Security advice: protect the key; keep personalised attributes minimal.' })
  securityAdvice!: string[];

  @Field(() => Boolean, {
    description: 'Whether the full key is embedded (only when `ingestionKeySecret` was given); otherwise the code reads it from the environment or marks where it goes.',
  })
  keyIncluded!: boolean;
}

@Resolver(() => Trigger)
export class SnippetFieldResolver {
  @FieldResolver(() => Snippet, { description: 'Integration code for this trigger’s latest version and the chosen ingestion key.' })
  snippet(
    @Root() trigger: Trigger,
    @Ctx() ctx: Context,
    @Arg('language', () => SnippetLanguage, { description: 'Where the code runs.' }) language: SnippetLanguage,
    @Arg('ingestionKeyId', () => ID, { description: 'The ingestion key to send with.' }) ingestionKeyId: string,
    @Arg('ingestionKeySecret', () => String, { nullable: true, description: 'The full key, to embed it (verified, never stored).' }) ingestionKeySecret?: string | null,
  ) {
    return ctx.services.snippets.snippet(ctx.viewer!, trigger, language, ingestionKeyId, ingestionKeySecret ?? null);
  }
}
