// Demo data partners (with fixed demo API keys, listed in the README) and enterprise indicator data.
import type { IndicatorValue } from '@eco/scoring';
import type { NewInstitution } from '../db/institutions/institution.repository.js';

export interface DemoPartner {
  institution: NewInstitution;
  apiKey: string;
  eventTypes: string[];
}

export const demoPartners = {
  bus: {
    institution: { name: '乌鲁木齐公交集团', nameEn: 'Urumqi Public Transport Group', type: 'data_partner', region: '乌鲁木齐', code: '91650100MA7D00031P' },
    apiKey: 'eco_demo_urumqi_bus_2026_key', eventTypes: ['bus_ride', 'e_bus_trip_km'],
  },
  metro: {
    institution: { name: '乌鲁木齐城市轨道集团', nameEn: 'Urumqi Metro Group', type: 'data_partner', region: '乌鲁木齐', code: '91650100MA7D00032P' },
    apiKey: 'eco_demo_urumqi_metro_2026_key', eventTypes: ['metro_trip_km', 'bus_ride'],
  },
  recycling: {
    institution: { name: '天山再生资源回收网络', nameEn: 'Tianshan Recycling Network', type: 'data_partner', region: '乌鲁木齐', code: '91650100MA7D00033P' },
    apiKey: 'eco_demo_recycling_2026_key', eventTypes: ['garbage_sorting', 'walking_steps'],
  },
  volunteers: {
    institution: { name: '新疆志愿服务平台', nameEn: 'Xinjiang Volunteer Service Platform', type: 'data_partner', region: '乌鲁木齐', code: '51650100MJ7D00034P' },
    apiKey: 'eco_demo_volunteers_2026_key', eventTypes: ['volunteer_hour', 'restoration_mu', 'eco_fund_donation_100_yuan', 'project_disclosure', 'annual_report_published'],
  },
  enforcement: {
    institution: { name: '自治区生态环境执法总队（演示）', nameEn: 'Regional Environmental Enforcement (demo)', type: 'data_partner', region: '乌鲁木齐', code: '11650000MB1D00035P' },
    apiKey: 'eco_demo_enforcement_2026_key',
    eventTypes: ['frontage_duty_neglected', 'illegal_discharge', 'illegal_pesticide_use', 'environmental_crime', 'operating_without_eia', 'organisation_violation'],
  },
} satisfies Record<string, DemoPartner>;

export type DemoPartnerKey = keyof typeof demoPartners;

/** Accepted indicator values (the enterprise rule set's indicators), per demo enterprise. */
export const demoIndicators: Record<'hotanDates' | 'aksuWalnut', Record<string, IndicatorValue>> = {
  hotanDates: {
    discharge_compliance: 99, administrative_penalties: 0, solid_waste: 95, hazardous_waste: 98, noise: true, eia_and_permit: true,
    ecological_restoration: 80, environmental_risk_management: 8, information_disclosure: true, management_system: true,
    public_complaints: 1, rectification: 90, carbon_decline: { current: 95, previous: 100 },
  },
  aksuWalnut: {
    discharge_compliance: 98, administrative_penalties: 1, ecological_restoration: 100, information_disclosure: false, management_system: false, public_complaints: 1,
  },
};
