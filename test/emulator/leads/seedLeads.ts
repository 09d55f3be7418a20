import type { LeadStore } from './LeadStore';
import { marketoTimestamp } from './leadValues';

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Chloe', 'Arjun', 'Hana', 'Diego', 'Fatima', 'Jonas', 'Priya', 'Kenji', 'Amara', 'Samuel'];
const LAST = ['Martin', 'Nguyen', 'Garcia', 'Smith', 'Kowalski', 'Okafor', 'Rossi', 'Schmidt', 'Patel', 'Johansson', 'Dubois', 'Tanaka', 'Silva', 'Cohen', 'Murphy', 'Haddad', 'Larsen', 'Moreau', 'Brown', 'Ibrahim'];
const COMPANIES: ReadonlyArray<[name: string, domain: string, vertical: string]> = [
	['Northwind Traders', 'northwind.example', 'Retail'],
	['Contoso Health', 'contosohealth.example', 'Healthcare'],
	['Fabrikam Robotics', 'fabrikam.example', 'Manufacturing'],
	['Tailspin Airlines', 'tailspin.example', 'Travel'],
	['Woodgrove Bank', 'woodgrove.example', 'Financial Services'],
	['Adatum Software', 'adatum.example', 'Technology'],
	['Litware Learning', 'litware.example', 'Education'],
	['Proseware Energy', 'proseware.example', 'Energy'],
];
const TITLES = ['Marketing Manager', 'VP of Sales', 'Demand Generation Lead', 'Chief Marketing Officer', 'Marketing Operations Specialist', 'Product Marketing Manager', 'Sales Development Rep', 'Head of Growth'];
const COUNTRIES = ['United States', 'Canada', 'United Kingdom', 'Germany', 'France', 'Australia', 'Japan', 'Brazil'];
const SOURCES = ['Website', 'Webinar', 'Trade Show', 'Paid Search', 'Referral', 'Content Syndication'];

const SEED_EPOCH = Date.parse('2024-01-08T15:00:00Z');

/** Adds `count` believable people; the same count always yields the same leads. */
export function seedLeads(store: LeadStore, count: number): void {
	for (let i = 0; i < count; i++) {
		const first = FIRST[(i * 7) % FIRST.length];
		const last = LAST[(i * 13 + Math.floor(i / FIRST.length)) % LAST.length];
		const [company, domain, vertical] = COMPANIES[(i * 5) % COMPANIES.length];
		const suffix = i < FIRST.length ? '' : String(i);
		const created = SEED_EPOCH + i * 3_600_000 * 7;
		store.insert({
			email: `${first}.${last}${suffix}@${domain}`.toLowerCase(),
			firstName: first,
			lastName: last,
			company,
			title: TITLES[(i * 3) % TITLES.length],
			phone: `+1 555 01${String(i % 100).padStart(2, '0')}`,
			country: COUNTRIES[(i * 11) % COUNTRIES.length],
			leadSource: SOURCES[i % SOURCES.length],
			leadScore: (i * 37) % 100,
			unsubscribed: i % 17 === 16,
			industryVertical__c: vertical,
			externalId__c: `CRM-${String(100000 + i * 7919).slice(-6)}`,
			createdAt: marketoTimestamp(created),
			updatedAt: marketoTimestamp(created + (i % 5) * 86_400_000),
		});
	}
}
