import { MarketoFailure } from '../errors';
import { assetsOf } from './AssetStore';

/** One segment's version of a dynamic section: its content and, on landing pages, its look. */
export type Version = { type: string; value?: string; [style: string]: unknown };

/**
 * A section made dynamic (Update Content Section with type DynamicContent and a segmentation ID):
 * Marketo gives it an ID of its own (base64 text, as Marketo's are) and a version per segment,
 * each starting as the content the section had.
 */
export interface DynamicSection {
	id: string;
	segmentation: number;
	/** By segment name. */
	versions: Record<string, Version>;
}

/** The instance the assets belong to (a route's context, or the emulator itself). */
type Instance = Parameters<typeof assetsOf>[0];

export interface Segment {
	id: number;
	name: string;
}

/** The segments of a segmentation; 702 when there is no such segmentation. */
export function segmentsOf(segmentationId: number, context: Instance): Segment[] {
	const segmentation = assetsOf(context).get('segmentation', segmentationId);
	if (!segmentation) throw new MarketoFailure({ code: '702', message: `Segmentation '${segmentationId}' not found` });
	return (segmentation.approved?.segments as Segment[]) ?? [];
}

export function makeDynamic(owner: string, sectionId: string, segmentationValue: unknown, current: Version, context: Instance): DynamicSection {
	const segmentation = Number(segmentationValue);
	if (!Number.isInteger(segmentation)) throw new MarketoFailure({ code: '1003', message: `A dynamic content section takes a segmentation ID as its value, got '${String(segmentationValue)}'` });
	const versions = Object.fromEntries(segmentsOf(segmentation, context).map((segment) => [segment.name, { ...current }]));
	return { id: Buffer.from(`${owner}-${sectionId}`).toString('base64'), segmentation, versions };
}

/** The version of one segment, named by its name; 702 when the section's segmentation has no such segment. */
export function versionFor(section: DynamicSection, segmentName: string): Version {
	const version = section.versions[segmentName];
	if (!version) throw new MarketoFailure({ code: '702', message: `Segment '${segmentName}' not found in segmentation ${section.segmentation}` });
	return version;
}

/** Each segment's version, in the segmentation's order. */
export function versionsOf(section: DynamicSection, context: Instance): Array<{ segment: Segment; version: Version }> {
	return segmentsOf(section.segmentation, context).map((segment) => ({ segment, version: section.versions[segment.name] }));
}
