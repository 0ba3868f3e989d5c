import { Schema, type Connection } from 'mongoose';

export const ruleSetStates = ['validated', 'simulated', 'scheduled', 'withdrawn'] as const;
export type RuleSetState = (typeof ruleSetStates)[number];

const ruleSetVersionSchema = new Schema(
  {
    ruleSetId: { type: String, required: true },
    version: { type: String, required: true },
    subjectType: { type: String, required: true },
    effectiveFrom: { type: String, required: true },
    state: { type: String, required: true, enum: ruleSetStates },
    /** The rule set as uploaded (JSON text: keys such as `$schema` stay as written). */
    definition: { type: String, required: true },
    simulation: { type: Schema.Types.Mixed },
    uploadedBy: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { collection: 'points_rule_sets', versionKey: false, minimize: false },
);
// Versions never change identity: one document per rule-set id and version.
ruleSetVersionSchema.index({ ruleSetId: 1, version: 1 }, { unique: true });
// Which version is in force for a subject type: the scheduled versions of that type.
ruleSetVersionSchema.index({ subjectType: 1, state: 1, effectiveFrom: -1 });

const build = (connection: Connection) => connection.model('PointsRuleSetVersion', ruleSetVersionSchema);

export function ruleSetVersionModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsRuleSetVersion'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
