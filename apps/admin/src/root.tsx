import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AgencyScopeProvider } from './agency-scope.tsx';
import { useAuth } from './auth.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './screens/login/LoginPage.tsx';
import { HomePage } from './screens/home/HomePage.tsx';
import { ChangePasswordPage } from './screens/account/ChangePasswordPage.tsx';

const AgenciesPage = lazy(() => import('./screens/agencies/AgenciesPage.tsx'));
const UsersPage = lazy(() => import('./screens/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./screens/audit/AuditPage.tsx'));
const CalendarPage = lazy(() => import('./screens/calendar/CalendarPage.tsx'));
const ReportCheckPage = lazy(() => import('./screens/reports/ReportCheckPage.tsx'));
const CatalogPage = lazy(() => import('./screens/catalog/CatalogPage.tsx'));
const ItemsPage = lazy(() => import('./screens/items/ItemsPage.tsx'));
const ItemPage = lazy(() => import('./screens/items/ItemPage.tsx'));
const ReviewQueuePage = lazy(() => import('./screens/items/ReviewQueuePage.tsx'));
const NormativePage = lazy(() => import('./screens/normative/NormativePage.tsx'));
const ApplicationsPage = lazy(() => import('./screens/applications/ApplicationsPage.tsx'));
const ApplicationPage = lazy(() => import('./screens/applications/ApplicationPage.tsx'));
const DecisionCountsPage = lazy(() => import('./screens/annual/DecisionCountsPage.tsx'));
const AnnualReportPage = lazy(() => import('./screens/annual/AnnualReportPage.tsx'));
const LetterTemplatesPage = lazy(() => import('./screens/applications/LetterTemplatesPage.tsx'));
const InspectionPage = lazy(() => import('./screens/inspection/InspectionPage.tsx'));
const MonthlyReportPage = lazy(() => import('./screens/inspection/MonthlyReportPage.tsx'));
const WordingRulesPage = lazy(() => import('./screens/inspection/WordingRulesPage.tsx'));
const ErrorReportsPage = lazy(() => import('./screens/inspection/ErrorReportsPage.tsx'));

export function Root() {
  const { me } = useAuth();
  if (me === undefined) {
    return <Spin fullscreen tip="正在加载…" />;
  }
  if (me === null) {
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  if (me.user.mustChangePassword) {
    return <ChangePasswordPage forced />;
  }
  const p = me.user.permissions;
  return (
    <AgencyScopeProvider>
      <AppLayout>
        <Suspense fallback={<Spin style={{ margin: 48 }} />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            {p['agency.read'] && <Route path="/agencies" element={<AgenciesPage />} />}
            {p['user.read'] && <Route path="/users" element={<UsersPage />} />}
            {p['audit.read'] && <Route path="/audit" element={<AuditPage />} />}
            {p['calendar.manage'] && <Route path="/calendar" element={<CalendarPage />} />}
            {p['report.check'] && <Route path="/report-check" element={<ReportCheckPage />} />}
            <Route path="/catalog" element={<CatalogPage />} />
            {p['item.read'] && <Route path="/items" element={<ItemsPage />} />}
            {p['item.read'] && <Route path="/items/:id" element={<ItemPage />} />}
            <Route path="/reviews" element={<ReviewQueuePage />} />
            {(p['item.read'] || p['normative.manage']) && <Route path="/normative" element={<NormativePage />} />}
            {p['application.read'] && <Route path="/applications" element={<ApplicationsPage />} />}
            {p['application.read'] && <Route path="/applications/:id" element={<ApplicationPage />} />}
            {p['application.read'] && <Route path="/letter-templates" element={<LetterTemplatesPage />} />}
            {p['agency.read'] && <Route path="/annual-report" element={<AnnualReportPage />} />}
            {p['agency.read'] && <Route path="/decision-counts" element={<DecisionCountsPage />} />}
            {p['inspection.read'] && <Route path="/inspection" element={<InspectionPage />} />}
            {p['inspection.read'] && <Route path="/inspection/monthly" element={<MonthlyReportPage />} />}
            {p['wording.manage'] && <Route path="/wording-rules" element={<WordingRulesPage />} />}
            {(p['feedback.handle'] || p['inspection.read']) && (
              <Route path="/error-reports" element={<ErrorReportsPage />} />
            )}
            <Route path="/account/password" element={<ChangePasswordPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </AgencyScopeProvider>
  );
}
