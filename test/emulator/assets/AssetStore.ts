import type { LeadStore } from '../leads/LeadStore';
import { seedAssets } from './seedAssets';

export type Fields = Record<string, unknown>;

/** Marketo writes asset times as `2014-12-05T02:06:21Z+0000`. */
export function assetTimestamp(ms: number): string {
	return `${new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')}+0000`;
}

/**
 * One asset. Types with a draft workflow keep two versions: `approved` (live) and `draft`
 * (pending changes, or the only version of an asset never approved). Types without one keep
 * their only version in `approved`.
 */
export interface Asset {
	kind: string;
	id: number;
	createdAt: string;
	updatedAt: string;
	approved?: Fields;
	draft?: Fields;
}

export interface MyToken {
	name: string;
	type: string;
	value: string;
}

export interface SentSample {
	emailId: number;
	emailAddress: string;
	leadId?: string;
	textOnly: boolean;
}

/** What the asset API knows of a program beyond ProgramStore's record (Program Member's). */
export interface ProgramExtras {
	/** An email program: the only kind Approve / Unapprove act on. */
	email: boolean;
	approved: boolean;
	tags: Array<{ tagType: string; tagValue: string }>;
	costs: Array<{ startDate: string; cost: number; note?: string }>;
	startDate?: string;
	endDate?: string;
	/** ProgramStore has no delete: a deleted program is hidden from every asset route. */
	deleted: boolean;
}

/** The asset side of an emulated instance: assets by kind, My Tokens by folder or program, sample sends. */
export class AssetStore {
	readonly samples: SentSample[] = [];
	private readonly assets = new Map<string, Map<number, Asset>>();
	private readonly nextIds = new Map<string, number>();
	private readonly tokens = new Map<string, MyToken[]>();
	private readonly programs = new Map<number, ProgramExtras>();

	create(kind: string, fields: Fields, options: { drafts: boolean; id?: number; at?: number }): Asset {
		const id = options.id ?? this.nextIds.get(kind) ?? 1001;
		this.nextIds.set(kind, Math.max(id + 1, this.nextIds.get(kind) ?? 0));
		const stamp = assetTimestamp(options.at ?? Date.now());
		const asset: Asset = { kind, id, createdAt: stamp, updatedAt: stamp, ...(options.drafts ? { draft: fields } : { approved: fields }) };
		this.kindMap(kind).set(id, asset);
		return asset;
	}

	get(kind: string, id: number): Asset | undefined {
		return this.assets.get(kind)?.get(id);
	}

	/** Every asset of a kind, by id ascending. */
	all(kind: string): Asset[] {
		return [...this.kindMap(kind).values()].sort((a, b) => a.id - b.id);
	}

	delete(kind: string, id: number): void {
		this.kindMap(kind).delete(id);
	}

	/** The version a read asks for; without a status, the approved one if there is one (Marketo's default). */
	version(asset: Asset, status?: string): Fields | undefined {
		if (status === 'approved') return asset.approved;
		if (status === 'draft') return asset.draft;
		return asset.approved ?? asset.draft;
	}

	/** An edit: on a draft-workflow type it goes to the draft (made from the approved version when there is none). */
	edit(asset: Asset, drafts: boolean, change: (fields: Fields) => void): Fields {
		const target = drafts ? (asset.draft ?? structuredClone(asset.approved ?? {})) : (asset.approved ?? {});
		change(target);
		if (drafts) asset.draft = target;
		else asset.approved = target;
		asset.updatedAt = assetTimestamp(Date.now());
		return target;
	}

	programExtras(id: number): ProgramExtras {
		let extras = this.programs.get(id);
		if (!extras) {
			extras = { email: false, approved: false, tags: [], costs: [], deleted: false };
			this.programs.set(id, extras);
		}
		return extras;
	}

	tokensOf(folderType: string, id: number): MyToken[] {
		const key = `${folderType}:${id}`;
		if (!this.tokens.has(key)) this.tokens.set(key, []);
		return this.tokens.get(key) as MyToken[];
	}

	private kindMap(kind: string): Map<number, Asset> {
		let map = this.assets.get(kind);
		if (!map) {
			map = new Map();
			this.assets.set(kind, map);
		}
		return map;
	}
}

// Routes see the instance through its LeadStore (one per emulator), so the assets hang off it.
const instances = new WeakMap<LeadStore, AssetStore>();

/** The assets of the emulator (or route context) that owns `leads`; created with the demo assets on first use. */
export function assetsOf(owner: { readonly leads: LeadStore }): AssetStore {
	let assets = instances.get(owner.leads);
	if (assets === undefined) {
		assets = new AssetStore();
		seedAssets(assets, owner);
		instances.set(owner.leads, assets);
	}
	return assets;
}
