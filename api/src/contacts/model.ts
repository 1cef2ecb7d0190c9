import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

// Contact details live apart from the story, encrypted, linked only by the story id.
const contactSchema = new Schema(
  {
    _id: { type: String, required: true },
    submissionId: { type: String, required: true },
    envelope: { type: String, required: true },
    keyId: { type: String, required: true },
    createdOn: { type: String, required: true },
  },
  { collection: 'contacts', versionKey: false, strict: 'throw', id: false },
);

contactSchema.index({ submissionId: 1 }, { unique: true });
contactSchema.index({ keyId: 1 });
// The retention job deletes, and the admin list pages, by the day the story arrived.
contactSchema.index({ createdOn: 1 });

export type ContactDocument = InferSchemaType<typeof contactSchema>;

export function contactModel(connection: Connection): Model<ContactDocument> {
  return connection.model<ContactDocument>('Contact', contactSchema);
}
