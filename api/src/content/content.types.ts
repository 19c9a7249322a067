import { registerEnumType } from 'type-graphql';

export enum ContentChannel {
  EMAIL = 'EMAIL',
  TEXT = 'TEXT',
  PUSH = 'PUSH',
}
registerEnumType(ContentChannel, {
  name: 'ContentChannel',
  description: 'Where a message is sent.',
  valuesConfig: { EMAIL: { description: 'An email.' }, TEXT: { description: 'A text message (SMS).' }, PUSH: { description: 'A push notification.' } },
});

export enum ContentState {
  DRAFT = 'DRAFT',
  READY_TO_SEND = 'READY_TO_SEND',
}
registerEnumType(ContentState, {
  name: 'ContentState',
  description: 'Whether content may be sent by a live journey.',
  valuesConfig: {
    DRAFT: { description: 'Being written; journeys using it cannot be published.' },
    READY_TO_SEND: { description: 'Checked and ready; editing returns it to draft.' },
  },
});

/** The editable fields of a message; which ones apply depends on the channel. */
export type ContentFields = {
  name: string;
  subject: string | null;
  senderName: string | null;
  htmlBody: string | null;
  textBody: string | null;
  body: string | null;
  title: string | null;
  link: string | null;
};
